package dev.setpoint.web.http;

import dev.setpoint.api.problem.ProblemTypes;
import dev.setpoint.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies larger than {@code setpoint.http.max-body-bytes} with a 413 problem: at
 * once when {@code Content-Length} says so, otherwise as soon as the body read goes past the limit
 * (a chunked upload). Nothing is stored from a refused body.
 */
@Provider
@PreMatching
@ApplicationScoped
public class BodyLimit implements ContainerRequestFilter {

  /** Thrown by the limited stream; {@code BodyProblems} turns it into the 413. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("request body larger than " + limit + " bytes");
    }
  }

  @Inject HttpConfig config;

  @Inject Problems problems;

  /** The largest body accepted, in bytes. */
  public long maxBytes() {
    return config.maxBodyBytes();
  }

  @Override
  public void filter(ContainerRequestContext context) {
    String declared = context.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared != null
        && declared.matches("\\d{1,18}")
        && Long.parseLong(declared) > maxBytes()) {
      context.abortWith(tooLarge(problems, maxBytes()));
      return;
    }
    context.setEntityStream(new Limited(context.getEntityStream(), maxBytes()));
  }

  /** The 413 problem for a body over {@code limit} bytes. */
  public static jakarta.ws.rs.core.Response tooLarge(Problems problems, long limit) {
    return problems.respond(
        413,
        ProblemTypes.BODY_TOO_LARGE,
        "Request body too large",
        "The request body must be at most " + limit + " bytes",
        null);
  }

  /** Counts what is read and fails past the limit. */
  private static final class Limited extends FilterInputStream {
    private final long limit;
    private long read;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws TooLarge {
      read += n;
      if (read > limit) {
        throw new TooLarge(limit);
      }
    }
  }
}
