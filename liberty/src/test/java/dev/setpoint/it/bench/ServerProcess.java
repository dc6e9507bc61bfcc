package dev.setpoint.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server process under load, read from {@code /proc} (Linux): the CPU time it has used and its
 * resident memory. Any server on the same machine will do (Liberty, or another product measured
 * side by side); give its process id, or the file that holds it.
 */
public final class ServerProcess {

  /** {@code getconf CLK_TCK}: 100 on every Linux this runs on. */
  private static final long TICKS_PER_SECOND = 100;

  private final long pid;

  private ServerProcess(long pid) {
    this.pid = pid;
  }

  /** The process with this id. */
  public static ServerProcess of(long pid) {
    if (!Files.isDirectory(Path.of("/proc", Long.toString(pid)))) {
      throw new IllegalArgumentException("no process " + pid + " on this machine");
    }
    return new ServerProcess(pid);
  }

  /**
   * The process named by {@code pid} when it is set, else by the id in {@code pidFile} (Liberty
   * writes {@code wlp/usr/servers/.pid/<server>.pid}); null when neither names a running process,
   * e.g. for a server on another machine.
   */
  public static ServerProcess find(String pid, Path pidFile) {
    try {
      // an unset Maven property arrives as its own ${...} text
      String id =
          pid != null && pid.trim().matches("[0-9]+")
              ? pid.trim()
              : pidFile != null && Files.isReadable(pidFile)
                  ? Files.readString(pidFile).trim()
                  : null;
      return id == null ? null : of(Long.parseLong(id));
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  public long pid() {
    return pid;
  }

  /** User plus system CPU time of every thread of the process so far, in nanoseconds. */
  public long cpuNanos() {
    String stat = read("stat");
    // the command name (field 2) may hold spaces; the fields after it are counted from its ')'
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    return ticks * (1_000_000_000L / TICKS_PER_SECOND);
  }

  /** Resident set size now, in MiB. */
  public double rssMiB() {
    return statusKiB("VmRSS:") / 1024.0;
  }

  /** The largest resident set size the process has had, in MiB. */
  public double peakRssMiB() {
    return statusKiB("VmHWM:") / 1024.0;
  }

  private long statusKiB(String field) {
    for (String line : read("status").split("\n")) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
      }
    }
    throw new IllegalStateException(field + " missing from /proc/" + pid + "/status");
  }

  private String read(String file) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("process " + pid + " is gone", e);
    }
  }
}
