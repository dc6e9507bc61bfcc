package dev.setpoint.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.secret.Envelope;
import dev.setpoint.domain.secret.RewrapBatch;
import dev.setpoint.domain.secret.Undecryptable;
import dev.setpoint.domain.shared.Slug;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Webhook signing secrets in the master-key rotation: counted, re-wrapped, unreadable reported. */
class WebhookSecretKeysTest {

  /** Seals by naming the key; opens and re-wraps only under loaded keys. */
  private record NamingEnvelope(List<String> keyIds) implements Envelope {
    @Override
    public boolean ready() {
      return true;
    }

    @Override
    public String describe() {
      return "test keys " + keyIds;
    }

    @Override
    public String primaryKeyId() {
      return keyIds.get(0);
    }

    @Override
    public Sealed seal(byte[] plaintext, byte[] place) {
      return new Sealed(primaryKeyId(), place.clone(), plaintext.clone());
    }

    @Override
    public byte[] open(Sealed sealed, byte[] place) {
      if (!keyIds.contains(sealed.keyId())) {
        throw new Undecryptable("key " + sealed.keyId() + " is not loaded", null);
      }
      return sealed.ciphertext().clone();
    }

    @Override
    public Opener prepare(Sealed sealed, byte[] place) {
      return () -> open(sealed, place);
    }

    @Override
    public Sealed rewrap(Sealed sealed, byte[] place) {
      open(sealed, place);
      return new Sealed(primaryKeyId(), sealed.wrappedKey(), sealed.ciphertext());
    }

    @Override
    public Fingerprint fingerprint(byte[] scope, byte[] plaintext) {
      return new Fingerprint(primaryKeyId(), plaintext.clone());
    }
  }

  /** Only what the rotation asks of the repository. */
  private static final class Stored implements WebhookRepository {
    final List<Webhook> webhooks = new ArrayList<>();

    @Override
    public List<Webhook> secretsWrappedByOtherThan(String keyId, int limit) {
      return webhooks.stream().filter(w -> !w.sealed().keyId().equals(keyId)).limit(limit).toList();
    }

    @Override
    public long countSecretsWrappedByOtherThan(String keyId) {
      return secretsWrappedByOtherThan(keyId, Integer.MAX_VALUE).size();
    }

    @Override
    public List<String> secretKeyIdsInUse() {
      return webhooks.stream().map(w -> w.sealed().keyId()).distinct().sorted().toList();
    }

    @Override
    public void store(Webhook webhook) {
      if (!webhooks.contains(webhook)) {
        webhooks.add(webhook);
      }
    }

    @Override
    public Optional<Application> application(UUID id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void remove(Webhook webhook) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Webhook> webhook(UUID id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Webhook> of(Application application) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void store(WebhookDelivery delivery) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<WebhookDelivery> delivery(UUID id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<WebhookDelivery> recent(Webhook webhook, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<UUID> due(Instant now, int limit, List<String> keyIds, Instant overdue) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean claim(UUID id, Instant dueAt, Instant until) {
      throw new UnsupportedOperationException();
    }
  }

  private final Application shop =
      new Application(Slug.of("app", "shop"), "Shop", null, null, Instant.now());
  private final Stored stored = new Stored();

  private Webhook sealedUnder(String keyId) {
    Webhook webhook = new Webhook(shop, "http://127.0.0.1/" + keyId, "t", Instant.now());
    NamingEnvelope sealer = new NamingEnvelope(List.of(keyId));
    webhook.seal(
        sealer.seal(
            ("whsec_" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8), webhook.place()));
    stored.store(webhook);
    return webhook;
  }

  @Test
  void signingSecretsMoveToThePrimaryKeyAndTheUnreadableOnesAreReported() {
    sealedUnder("k-old");
    sealedUnder("k-old");
    Webhook lost = sealedUnder("k-gone");
    sealedUnder("k-new");
    WebhookSecretKeys keys =
        new WebhookSecretKeys(
            stored, new NamingEnvelope(List.of("k-new", "k-old")), Clock.systemUTC());

    assertEquals(List.of("k-gone", "k-new", "k-old"), keys.keyIdsInUse());
    assertEquals(3, keys.countWrappedByOtherThan("k-new"));

    RewrapBatch.Outcome first = keys.rewrapNext(100, Set.of());
    assertEquals(2, first.moved());
    assertEquals(Set.of(lost.id()), first.unreadable());
    assertEquals(0, keys.rewrapNext(100, first.unreadable()).moved(), "only the lost one is left");
    assertEquals(1, keys.countWrappedByOtherThan("k-new"));
    assertEquals(List.of("k-gone", "k-new"), keys.keyIdsInUse());
  }
}
