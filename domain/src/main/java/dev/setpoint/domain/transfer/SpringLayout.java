package dev.setpoint.domain.transfer;

import dev.setpoint.domain.shared.InvalidValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Spring Cloud Config repository's files in a ZIP: {@code application.yml} and {@code {app}.yml}
 * are the application's defaults, {@code application-{profile}.yml} and {@code {app}-{profile}.yml}
 * the overrides of the environment named like the profile. Within a target the application's own
 * file wins over {@code application}, and {@code .properties} over {@code .yml}/{@code .yaml}, key
 * by key. Other files (other applications, folders, hidden files) are ignored and listed. The ZIP
 * is read within the file count and expanded-size limits.
 */
final class SpringLayout {

  /** The values for each target: {@code null} for the defaults, else a profile name. */
  record Files(Map<String, List<ImportedValue>> targets, List<String> ignored) {}

  private SpringLayout() {}

  static Files read(String app, byte[] zip, ImportLimits limits) {
    Map<String, Map<Integer, List<ImportedValue>>> ranked = new TreeMap<>(SpringLayout::byTarget);
    List<String> ignored = new ArrayList<>();
    int files = 0;
    long expanded = 0;
    int keys = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        if (++files > limits.maxFiles()) {
          throw new InvalidValue(
              "body",
              "must hold at most " + limits.maxFiles() + " files (setpoint.import.max-files)");
        }
        byte[] content = readBounded(in, limits.maxExpandedBytes() - expanded, limits);
        expanded += content.length;
        String name = entry.getName();
        Named named = named(app, name);
        if (named == null) {
          ignored.add(name);
          continue;
        }
        String field = "body[" + name + "]";
        String text = ImportText.decode(field, content);
        List<ImportedValue> values =
            named.properties()
                ? FlatFiles.properties(field, text, limits)
                : TreeFiles.yaml(field, text, limits);
        keys += values.size();
        limits.count("body", keys);
        ranked
            .computeIfAbsent(named.profile(), p -> new TreeMap<>())
            .merge(
                named.rank(),
                values,
                (a, b) -> {
                  List<ImportedValue> both = new ArrayList<>(a);
                  both.addAll(b);
                  return both;
                });
      }
    } catch (IOException e) {
      throw new InvalidValue("body", "must be a ZIP archive of a Spring configuration layout");
    }
    if (files == 0) {
      throw new InvalidValue("body", "must be a ZIP archive holding at least one file");
    }
    Map<String, List<ImportedValue>> targets = new LinkedHashMap<>();
    ranked.forEach((profile, byRank) -> targets.put(profile, merged(byRank)));
    return new Files(targets, ignored);
  }

  /** Lower ranks first, so a later file's value for the same key wins. */
  private static List<ImportedValue> merged(Map<Integer, List<ImportedValue>> byRank) {
    Map<String, ImportedValue> byKey = new LinkedHashMap<>();
    byRank.values().forEach(list -> list.forEach(v -> byKey.put(v.key(), v)));
    return new ArrayList<>(byKey.values());
  }

  private static int byTarget(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.compareTo(b);
  }

  /** What a file's name says: the target, whether it is a properties file, its precedence. */
  private record Named(String profile, boolean properties, int rank) {}

  private static Named named(String app, String path) {
    if (path.contains("/") || path.contains("\\") || path.startsWith(".")) {
      return null;
    }
    String base;
    boolean properties;
    if (path.endsWith(".properties")) {
      base = path.substring(0, path.length() - ".properties".length());
      properties = true;
    } else if (path.endsWith(".yml") || path.endsWith(".yaml")) {
      base = path.substring(0, path.lastIndexOf('.'));
      properties = false;
    } else {
      return null;
    }
    for (String owner : new String[] {app, "application"}) {
      int rank = (owner.equals(app) ? 2 : 0) + (properties ? 1 : 0);
      if (base.equals(owner)) {
        return new Named(null, properties, rank);
      }
      if (base.startsWith(owner + "-") && base.length() > owner.length() + 1) {
        return new Named(base.substring(owner.length() + 1), properties, rank);
      }
    }
    return null;
  }

  private static byte[] readBounded(ZipInputStream in, long room, ImportLimits limits)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > room) {
        throw new InvalidValue(
            "body",
            "must expand to at most "
                + limits.maxExpandedBytes()
                + " bytes (setpoint.import.max-expanded-bytes)");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
