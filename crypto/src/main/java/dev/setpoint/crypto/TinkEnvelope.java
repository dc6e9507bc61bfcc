package dev.setpoint.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.secret.KeysUnavailable;
import dev.setpoint.domain.secret.Undecryptable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.logging.Logger;

/**
 * Envelope encryption with Tink: every value gets a fresh AES-256-GCM data-key keyset; the keyset
 * is stored encrypted (Tink's encrypted-keyset format) under the primary master key. The place of
 * the value is the associated data of both layers.
 */
@ApplicationScoped
public class TinkEnvelope implements Envelope {

  private static final Logger LOG = Logger.getLogger(TinkEnvelope.class.getName());

  private final MasterKeyProvider provider;
  private volatile MasterKeyRing ring;
  private volatile String problem = "master keys not loaded yet";

  /** For the CDI container's proxy only. */
  protected TinkEnvelope() {
    this.provider = null;
  }

  @Inject
  public TinkEnvelope(MasterKeyProvider provider) {
    this.provider = provider;
  }

  /** Loads the master keys while the application starts; one log line either way. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object context) {
    load();
  }

  /** (Re)loads the master keys from the provider. */
  public synchronized void load() {
    try {
      MasterKeyRing loaded = provider.load();
      ring = loaded;
      problem = null;
      LOG.info(
          () ->
              "Secrets: master keys loaded, primary "
                  + loaded.primary().id()
                  + ", all "
                  + loaded.ids());
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      ring = null;
      problem = e.getMessage();
      LOG.severe(() -> "Secrets are unavailable: " + e.getMessage());
    }
  }

  @Override
  public boolean ready() {
    return ring != null;
  }

  @Override
  public String describe() {
    MasterKeyRing current = ring;
    return current == null ? problem : "primary master key " + current.primary().id();
  }

  @Override
  public java.util.List<String> keyIds() {
    MasterKeyRing current = ring;
    return current == null ? java.util.List.of() : current.ids();
  }

  @Override
  public String primaryKeyId() {
    return keys().primary().id();
  }

  @Override
  public Sealed seal(byte[] plaintext, byte[] place) {
    MasterKey primary = keys().primary();
    try {
      KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      byte[] ciphertext = aead(dataKey).encrypt(plaintext, place);
      byte[] wrapped =
          TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, primary.aead(), place);
      return new Sealed(primary.id(), wrapped, ciphertext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink could not encrypt a value", e);
    }
  }

  @Override
  public byte[] open(Sealed sealed, byte[] place) {
    try {
      return aead(unwrap(sealed, place)).decrypt(sealed.ciphertext(), place);
    } catch (GeneralSecurityException e) {
      throw new Undecryptable("the value does not decrypt for its place", e);
    }
  }

  @Override
  public Opener prepare(Sealed sealed, byte[] place) {
    Aead dataKey;
    try {
      dataKey = aead(unwrap(sealed, place));
    } catch (GeneralSecurityException e) {
      throw new Undecryptable("the data key does not unwrap for its place", e);
    }
    byte[] ciphertext = sealed.ciphertext().clone();
    byte[] associated = place.clone();
    return () -> {
      try {
        return dataKey.decrypt(ciphertext, associated);
      } catch (GeneralSecurityException e) {
        throw new Undecryptable("the value does not decrypt for its place", e);
      }
    };
  }

  @Override
  public Sealed rewrap(Sealed sealed, byte[] place) {
    MasterKey primary = keys().primary();
    try {
      KeysetHandle dataKey = unwrap(sealed, place);
      byte[] wrapped =
          TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, primary.aead(), place);
      return new Sealed(primary.id(), wrapped, sealed.ciphertext());
    } catch (GeneralSecurityException e) {
      throw new Undecryptable("the data key does not unwrap for its place", e);
    }
  }

  @Override
  public Fingerprint fingerprint(byte[] scope, byte[] plaintext) {
    MasterKey primary = keys().primary();
    byte[] input =
        ByteBuffer.allocate(4 + scope.length + plaintext.length)
            .putInt(scope.length)
            .put(scope)
            .put(plaintext)
            .array();
    return new Fingerprint(primary.id(), primary.fingerprint(input));
  }

  private KeysetHandle unwrap(Sealed sealed, byte[] place) throws GeneralSecurityException {
    MasterKey kek =
        keys()
            .find(sealed.keyId())
            .orElseThrow(
                () -> new Undecryptable("master key " + sealed.keyId() + " is not loaded", null));
    return TinkProtoKeysetFormat.parseEncryptedKeyset(sealed.wrappedKey(), kek.aead(), place);
  }

  private static Aead aead(KeysetHandle keyset) throws GeneralSecurityException {
    return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  private MasterKeyRing keys() {
    MasterKeyRing current = ring;
    if (current == null) {
      throw new KeysUnavailable("Secrets are unavailable: " + problem);
    }
    return current;
  }
}
