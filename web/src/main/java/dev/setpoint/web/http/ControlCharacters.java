package dev.setpoint.web.http;

import dev.setpoint.api.problem.FieldError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds control characters in the parts of a request that end up in the database, the log or
 * another program's input: the decoded path, each decoded query parameter name and value, every
 * header value, and the user name and password inside an HTTP Basic credential. Each finding names
 * the field (never its value, which may be a secret).
 *
 * <p>Header values may carry a horizontal tab (RFC 9110 allows it) and bytes above 0x7F; nothing
 * else below 0x20 and no DEL. Decoded text (path, query, credential) may carry no control character
 * at all: no C0 (tab included), no DEL, no C1.
 */
public final class ControlCharacters {

  /** The rule every finding states. */
  public static final String RULE = "must not contain control characters";

  /** The rule for text whose percent-encoding or UTF-8 is broken. */
  public static final String ENCODING_RULE = "must be percent-encoded UTF-8";

  private static final Pattern SANE_NAME = Pattern.compile("[A-Za-z0-9_.~-]{1,64}");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");

  private ControlCharacters() {}

  /** True when {@code text} has a character a header value may not carry. */
  public static boolean inHeaderValue(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        return true;
      }
    }
    return false;
  }

  /** True when decoded {@code text} has any control character (C0, DEL or C1). */
  public static boolean inText(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The findings in a raw (still percent-encoded) request path. */
  public static List<FieldError> inPath(String rawPath) {
    return check(rawPath, false, "path");
  }

  /** The findings in a raw query string ({@code a=1&b=2}, percent-encoded), or none for null. */
  public static List<FieldError> inQuery(String rawQuery) {
    List<FieldError> errors = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return errors;
    }
    for (String pair : rawQuery.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      List<FieldError> nameErrors = check(name, true, "query");
      if (!nameErrors.isEmpty()) {
        errors.addAll(nameErrors);
        continue;
      }
      String decodedName = decode(name, true);
      String field = SANE_NAME.matcher(decodedName).matches() ? "query " + decodedName : "query";
      if (equals >= 0) {
        errors.addAll(check(pair.substring(equals + 1), true, field));
      }
    }
    return errors;
  }

  /**
   * The findings in the headers, {@code name → values}: each value checked as a header value, and a
   * Basic {@code Authorization}'s decoded user name and password as text.
   */
  public static List<FieldError> inHeaders(Map<String, List<String>> headers) {
    List<FieldError> errors = new ArrayList<>();
    headers.forEach(
        (name, values) -> {
          String field = TOKEN.matcher(name).matches() ? "header " + canonical(name) : "header";
          for (String value : values) {
            if (inHeaderValue(value)
                || ("authorization".equalsIgnoreCase(name) && basicCredentialHasControl(value))) {
              errors.add(new FieldError(field, RULE));
              return;
            }
          }
        });
    return errors;
  }

  /**
   * True when {@code authorization} is {@code Basic} and its decoded user:password has a control.
   */
  public static boolean basicCredentialHasControl(String authorization) {
    String value = authorization.trim();
    if (value.length() < 6 || !value.substring(0, 6).equalsIgnoreCase("basic ")) {
      return false;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(value.substring(6).trim());
    } catch (IllegalArgumentException e) {
      return false; // not Basic Setpoint can read: the authentication mechanism refuses it
    }
    return inText(new String(decoded, StandardCharsets.UTF_8));
  }

  /** Decodes percent-escapes (and {@code +} as a space in a query) as strict UTF-8. */
  static String decode(String raw, boolean plusIsSpace) {
    if (raw.indexOf('%') < 0) {
      return plusIsSpace ? raw.replace('+', ' ') : raw;
    }
    ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw new IllegalArgumentException("truncated escape");
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("not an escape");
        }
        bytes.put((byte) (high * 16 + low));
        i += 2;
      } else if (plusIsSpace && c == '+') {
        bytes.put((byte) ' ');
      } else {
        bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    bytes.flip();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8", e);
    }
  }

  private static List<FieldError> check(String raw, boolean plusIsSpace, String field) {
    String decoded;
    try {
      decoded = decode(raw, plusIsSpace);
    } catch (IllegalArgumentException e) {
      return List.of(new FieldError(field, ENCODING_RULE));
    }
    return inText(decoded) ? List.of(new FieldError(field, RULE)) : List.of();
  }

  /** {@code authorization} → {@code Authorization}, {@code x-request-id} → {@code X-Request-Id}. */
  private static String canonical(String name) {
    StringBuilder text = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      text.append(upper ? Character.toUpperCase(c) : c);
      upper = c == '-';
    }
    return text.toString();
  }
}
