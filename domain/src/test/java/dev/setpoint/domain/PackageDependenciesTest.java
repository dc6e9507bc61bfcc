package dev.setpoint.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.shared.Slug;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the domain's compiled classes name (every class in a class file's signatures and code): its
 * packages depend on one another without a cycle, and no class of {@code api} is needed at run
 * time.
 */
class PackageDependenciesTest {

  /** Where the contract's classes are. */
  private static final String API = "dev/setpoint/api/";

  private static final Pattern DOMAIN_CLASS =
      Pattern.compile("dev/setpoint/domain/((?:[a-z0-9_]+/)*[a-z0-9_]+)/[A-Za-z0-9_$]+");

  @Test
  void domainPackagesFormNoCycle() throws IOException, URISyntaxException {
    Map<String, Set<String>> uses = packageDependencies(classes());
    assertTrue(uses.size() > 5, () -> "too few packages read: " + uses.keySet());
    List<Set<String>> cycles = stronglyConnected(uses).stream().filter(c -> c.size() > 1).toList();
    assertEquals(List.of(), cycles, () -> "packages that depend on each other; uses: " + uses);
  }

  /**
   * The domain uses the contract's limits ({@code ApiLimits}) as compile-time constants only: the
   * api jar is not beside the domain in the EAR's lib/, so a class that needs one at run time would
   * fail there. javac keeps a bare class entry for a class whose constants it copied; what counts
   * is an api type in a signature or a field or method of an api class being used.
   */
  @Test
  void noDomainClassNeedsTheApiAtRunTime() throws IOException, URISyntaxException {
    Path root = classes();
    List<String> naming = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        if (!ConstantPool.read(file).usesAt(API)) {
          continue;
        }
        naming.add(root.relativize(file).toString());
      }
    }
    assertEquals(List.of(), naming, "domain classes that need an api class at run time");
  }

  private static Path classes() throws URISyntaxException {
    return Path.of(Slug.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Package → the other domain packages its classes name. */
  static Map<String, Set<String>> packageDependencies(Path root) throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String pkg = root.relativize(file.getParent()).toString().replace('\\', '/');
        if (!pkg.startsWith("dev/setpoint/domain/")) {
          continue;
        }
        String from = pkg.substring("dev/setpoint/domain/".length());
        Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
        for (String text : constantStrings(file)) {
          Matcher m = DOMAIN_CLASS.matcher(text);
          while (m.find()) {
            if (!m.group(1).equals(from)) {
              targets.add(m.group(1));
            }
          }
        }
      }
    }
    return uses;
  }

  /** The UTF-8 entries of a class file's constant pool: class names, descriptors, signatures. */
  private static List<String> constantStrings(Path classFile) throws IOException {
    return ConstantPool.read(classFile).strings();
  }

  /** A class file's constant pool, as far as these checks need it. */
  private record ConstantPool(List<String> strings, List<String> referencedClasses) {

    static ConstantPool read(Path classFile) throws IOException {
      try (InputStream raw = Files.newInputStream(classFile);
          DataInputStream in = new DataInputStream(raw)) {
        in.readInt(); // magic
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNames = new int[count];
        List<Integer> memberOwners = new ArrayList<>();
        for (int i = 1; i < count; i++) {
          int tag = in.readUnsignedByte();
          switch (tag) {
            case 1 -> utf8[i] = in.readUTF();
            case 7 -> classNames[i] = in.readUnsignedShort();
            case 9, 10, 11 -> {
              memberOwners.add(in.readUnsignedShort());
              in.skipNBytes(2);
            }
            case 3, 4, 12, 17, 18 -> in.skipNBytes(4);
            case 5, 6 -> {
              in.skipNBytes(8);
              i++;
            }
            case 8, 16, 19, 20 -> in.skipNBytes(2);
            case 15 -> in.skipNBytes(3);
            default -> throw new IOException(classFile + ": unknown constant tag " + tag);
          }
        }
        List<String> strings = new ArrayList<>();
        for (String s : utf8) {
          if (s != null) {
            strings.add(s);
          }
        }
        List<String> owners = memberOwners.stream().map(c -> utf8[classNames[c]]).toList();
        return new ConstantPool(strings, owners);
      }
    }

    /** Whether a signature names a type under {@code prefix}, or a member of one is used. */
    boolean usesAt(String prefix) {
      return strings.stream().anyMatch(s -> s.contains("L" + prefix))
          || referencedClasses.stream().anyMatch(c -> c.startsWith(prefix));
    }
  }

  /** Tarjan's strongly connected components of the dependency graph. */
  static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> components = new ArrayList<>();
    int[] next = {0};
    for (String node : graph.keySet()) {
      if (!index.containsKey(node)) {
        connect(node, graph, index, low, stack, onStack, components, next);
      }
    }
    return components;
  }

  private static void connect(
      String node,
      Map<String, Set<String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> components,
      int[] next) {
    index.put(node, next[0]);
    low.put(node, next[0]++);
    stack.push(node);
    onStack.add(node);
    for (String used : graph.getOrDefault(node, Set.of())) {
      if (!index.containsKey(used)) {
        connect(used, graph, index, low, stack, onStack, components, next);
        low.put(node, Math.min(low.get(node), low.get(used)));
      } else if (onStack.contains(used)) {
        low.put(node, Math.min(low.get(node), index.get(used)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      Set<String> component = new TreeSet<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      components.add(component);
    }
  }
}
