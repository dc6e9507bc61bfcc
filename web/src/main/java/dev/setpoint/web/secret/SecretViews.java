package dev.setpoint.web.secret;

import dev.setpoint.api.secret.RevealedSecretView;
import dev.setpoint.api.secret.SecretVersionView;
import dev.setpoint.api.secret.SecretView;
import dev.setpoint.domain.secret.Revealed;
import dev.setpoint.domain.secret.Secret;
import dev.setpoint.domain.secret.SecretDetail;
import dev.setpoint.domain.secret.SecretVersion;
import java.time.Instant;

/** Maps secrets to the records the API shows. Only {@link #of(Revealed)} carries a value. */
final class SecretViews {

  private SecretViews() {}

  static SecretView summary(Secret s, Instant now) {
    return view(s, null, now);
  }

  static SecretView of(SecretDetail detail, Instant now) {
    return view(
        detail.secret(), detail.versions().stream().map(v -> version(v, now)).toList(), now);
  }

  static RevealedSecretView of(Revealed revealed) {
    return new RevealedSecretView(
        revealed.key(), revealed.version(), revealed.value().text(), revealed.value().encoding());
  }

  private static SecretView view(
      Secret s, java.util.List<SecretVersionView> versions, Instant now) {
    return new SecretView(
        s.key().value(),
        s.currentVersion(),
        s.createdAt(),
        s.updatedAt(),
        s.rotatedAt(),
        s.rotationDays(),
        s.rotationDue(now),
        s.rotationDueAt(),
        s.deletedAt(),
        s.purgeAfter(),
        versions);
  }

  private static SecretVersionView version(SecretVersion v, Instant now) {
    return new SecretVersionView(
        v.number(),
        v.createdAt(),
        v.createdBy(),
        v.stateAt(now).wireName(),
        v.validUntil(),
        v.encoding());
  }
}
