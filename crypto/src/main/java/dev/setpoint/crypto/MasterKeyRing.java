package dev.setpoint.crypto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded key-encryption keys. The first is the primary: new data keys are wrapped under it. The
 * others stay loaded so data keys wrapped under them still open until they are re-wrapped.
 */
public final class MasterKeyRing {

  private final MasterKey primary;
  private final Map<String, MasterKey> byId = new LinkedHashMap<>();

  public MasterKeyRing(List<MasterKey> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one master key is needed");
    }
    this.primary = keys.get(0);
    keys.forEach(k -> byId.putIfAbsent(k.id(), k));
  }

  public MasterKey primary() {
    return primary;
  }

  public Optional<MasterKey> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Ids of every loaded key, primary first. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }
}
