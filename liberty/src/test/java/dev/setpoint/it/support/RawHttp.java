package dev.setpoint.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket to the server under test, for requests the JDK client refuses to
 * send: a path exactly as written (no normalisation), control characters in header values.
 */
public final class RawHttp {

  private RawHttp() {}

  /** Sends {@code GET path} with these extra header lines ({@code "Name: value"}). */
  public static Reply get(String path, String... headerLines) {
    URI base = URI.create(TestServer.baseUrl());
    StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
    request.append("Host: ").append(base.getHost()).append(':').append(base.getPort());
    request.append("\r\nConnection: close\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    request.append("\r\n");
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " over a socket failed: " + e, e);
    }
  }

  private static Reply parse(byte[] response) throws IOException {
    String text = new String(response, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String[] head = text.substring(0, end).split("\r\n");
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      headers
          .computeIfAbsent(head[i].substring(0, colon).trim(), name -> new ArrayList<>())
          .add(head[i].substring(colon + 1).trim());
    }
    byte[] body = text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
    if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
      body = unchunk(new java.io.ByteArrayInputStream(body));
    }
    return new Reply(
        Integer.parseInt(head[0].split(" ")[1]),
        HttpHeaders.of(headers, (name, value) -> true),
        new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      StringBuilder size = new StringBuilder();
      for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
        size.append((char) c);
      }
      int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
      if (length == 0) {
        return out.toByteArray();
      }
      out.write(in.readNBytes(length));
      in.readNBytes(2);
    }
  }
}
