package dev.setpoint.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How deliveries are signed: {@code X-Setpoint-Signature: t=<unix seconds>,v1=<hex>} where {@code
 * v1 = HMAC-SHA256(secret, "<t>." + body)}. Receivers recompute it with the secret they were given
 * and reject old timestamps, so a captured delivery cannot be replayed later.
 */
public final class WebhookSignature {

  public static final String HEADER = "X-Setpoint-Signature";

  private WebhookSignature() {}

  /** The header value for {@code body} sent at {@code epochSeconds}. */
  public static String sign(byte[] secret, long epochSeconds, String body) {
    return "t=" + epochSeconds + ",v1=" + hmac(secret, epochSeconds + "." + body);
  }

  static String hmac(byte[] secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }
}
