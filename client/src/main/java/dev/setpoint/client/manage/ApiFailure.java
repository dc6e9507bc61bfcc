package dev.setpoint.client.manage;

/** Setpoint refused a management request, or could not be reached; carries the exit code. */
public final class ApiFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public ApiFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
