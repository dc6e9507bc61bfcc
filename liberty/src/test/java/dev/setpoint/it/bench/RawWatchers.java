package dev.setpoint.it.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Many long-polling watches on plain non-blocking sockets, read by one selector thread: the
 * benchmark's watch phase needs to time when the server answers ten thousand watches, and the JDK
 * HttpClient, parsing every answer in full on the same two cores, set that time itself (about 1.3
 * cores busy for four seconds after a publish while the server was idle). Here an answer costs one
 * read: the time of a watch is when the first bytes of its answer arrive, and the status code is
 * taken from its status line. The rest of each answer is read and dropped.
 */
final class RawWatchers implements AutoCloseable {

  private final Selector selector = Selector.open();
  private final List<SocketChannel> channels = new ArrayList<>();
  private final long[] answeredAt;
  private final int[] status;
  private final Thread reader;
  private volatile boolean open = true;

  /**
   * Opens {@code count} connections to {@code url} (loopback) and sends each one GET with the given
   * headers (name, value pairs).
   */
  RawWatchers(URI url, int count, String... headers) throws IOException {
    answeredAt = new long[count];
    status = new int[count];
    StringBuilder request =
        new StringBuilder("GET ")
            .append(url.getRawPath())
            .append(url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
            .append(" HTTP/1.1\r\nHost: ")
            .append(url.getHost())
            .append(':')
            .append(url.getPort())
            .append("\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    byte[] bytes = request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort());
    for (int i = 0; i < count; i++) {
      SocketChannel channel = SocketChannel.open(address);
      channel.write(ByteBuffer.wrap(bytes));
      channel.configureBlocking(false);
      channel.register(selector, SelectionKey.OP_READ, i);
      channels.add(channel);
    }
    reader = new Thread(this::read, "raw-watchers");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
    byte[] head = new byte[12];
    try {
      while (open) {
        selector.select(200);
        long now = System.nanoTime();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          int slot = (Integer) key.attachment();
          buffer.clear();
          int read = ((SocketChannel) key.channel()).read(buffer);
          if (read < 0) {
            key.cancel();
            continue;
          }
          if (answeredAt[slot] == 0 && read >= head.length) {
            buffer.flip();
            buffer.get(head);
            answeredAt[slot] = now;
            // "HTTP/1.1 200"
            status[slot] = Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("raw watchers: " + e);
    }
  }

  /** How many watches have an answer. */
  int answered() {
    return (int) Arrays.stream(answeredAt).filter(t -> t != 0).count();
  }

  /** When each watch's answer began (System.nanoTime), 0 for none yet. */
  long[] answeredAt() {
    return answeredAt.clone();
  }

  /** Each watch's status code, 0 for none yet. */
  int[] statuses() {
    return status.clone();
  }

  @Override
  public void close() throws IOException {
    open = false;
    try {
      reader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SocketChannel channel : channels) {
      channel.close();
    }
    selector.close();
  }
}
