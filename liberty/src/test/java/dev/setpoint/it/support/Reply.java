package dev.setpoint.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpHeaders;

/** One HTTP answer from Setpoint, with helpers to read its JSON body and headers. */
public record Reply(int status, HttpHeaders headers, String body) {

  public JsonObject json() {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  public JsonArray items() {
    return json().getJsonArray("items");
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  public String contentType() {
    return header("Content-Type");
  }

  public String etag() {
    return header("ETag");
  }

  /** The names of the headers sent, in any case: to compare two answers' shape. */
  public java.util.Set<String> headerNames() {
    java.util.Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(headers.map().keySet());
    return names;
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
