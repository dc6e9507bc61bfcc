package dev.setpoint.web.http;

import dev.setpoint.api.problem.FieldError;
import dev.setpoint.domain.shared.InvalidValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Every JSON request body bound to a record is first checked against it by {@link JsonShapes}; a
 * field of the wrong JSON type, or a string holding NUL, is a 400 naming each field, and nothing of
 * the body is used. A body the parser refuses (not JSON, or nested too deep) is left to JSON-B,
 * which reports where it broke.
 */
@Provider
@ApplicationScoped
public class StrictJson implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (!isJson(context.getMediaType())
        || !(context.getType().isRecord() || JsonValue.class.isAssignableFrom(context.getType()))) {
      return context.proceed();
    }
    byte[] body;
    try {
      body = context.getInputStream().readAllBytes();
    } catch (BodyLimit.TooLarge e) {
      // reported as JSON-B reports it when it reads past the limit itself: BodyProblems says 413
      throw new JsonbException(e.getMessage(), e);
    }
    List<FieldError> errors = errorsIn(body, context.getGenericType());
    if (!errors.isEmpty()) {
      throw new InvalidValue(
          errors.stream().map(e -> new InvalidValue.Violation(e.field(), e.message())).toList());
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  private static List<FieldError> errorsIn(byte[] body, java.lang.reflect.Type target) {
    JsonValue parsed;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      parsed = reader.readValue();
    } catch (RuntimeException e) {
      // not JSON (JsonException), or nested past the parser's limit (a bare RuntimeException from
      // Parsson): JSON-B reads it again and refuses it the way it always has, with the position
      return List.of();
    }
    return JsonShapes.check(parsed, target);
  }

  private static boolean isJson(MediaType type) {
    return type != null
        && (MediaType.APPLICATION_JSON_TYPE.isCompatible(type)
            || type.getSubtype().endsWith("+json"));
  }
}
