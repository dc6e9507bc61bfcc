package dev.setpoint.web.compat;

import dev.setpoint.web.http.Callers;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Vault's response envelope around an answer's {@code data}: {@code request_id}, {@code lease_id}
 * (empty), {@code renewable} (false), {@code lease_duration} (0), {@code data}, {@code wrap_info},
 * {@code warnings} and {@code auth} (null), and {@code mount_type} on the KV paths.
 */
final class VaultEnvelope {

  private VaultEnvelope() {}

  /** 200 with {@code data} in the envelope, never cached. */
  static Response reply(JsonObject data, boolean kv) {
    byte[] body = concat(start(), data.toString().getBytes(StandardCharsets.UTF_8), end(kv));
    return Response.ok(body, MediaType.APPLICATION_JSON).cacheControl(Callers.noStore()).build();
  }

  /** The envelope up to and including {@code "data":}. */
  static byte[] start() {
    return ("{\"request_id\":\""
            + UUID.randomUUID()
            + "\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,\"data\":")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The envelope after {@code data}. */
  static byte[] end(boolean kv) {
    return (",\"wrap_info\":null,\"warnings\":null,\"auth\":null"
            + (kv ? ",\"mount_type\":\"kv\"}" : "}"))
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
