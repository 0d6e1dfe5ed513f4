package org.epicommand.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a data directory's {@code postmaster.pid} says, checked against the process it names. A pid
 * file outlives its server (kill -9, power loss) and its number may since belong to any other
 * program — another PostgreSQL included — so a process is taken for this directory's server only
 * when it is a {@code postgres} whose working directory (PostgreSQL changes into its data directory)
 * or {@code -D} argument is this very directory.
 */
record Postmaster(long pid, Path dataDirectory, int port) {

  static final String PID_FILE = "postmaster.pid";

  /** The pid file of {@code directory}, when there is a readable one. */
  static Optional<Postmaster> read(Path directory) {
    Path file = directory.resolve(PID_FILE);
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
        return Optional.empty();
      }
      int port = lines.size() > 3 && lines.get(3).strip().matches("\\d{1,5}") ? Integer.parseInt(lines.get(3).strip())
          : 0;
      Path named = lines.size() > 1 && !lines.get(1).isBlank() ? Path.of(lines.get(1).strip()) : directory;
      return Optional.of(new Postmaster(Long.parseLong(lines.get(0).strip()), named, port));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** Alive, and not a zombie: a killed postmaster nobody has reaped still has its pid. */
  boolean alive() {
    return alive(pid);
  }

  static boolean alive(long pid) {
    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      return false;
    }
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    try {
      String text = Files.readString(stat);
      // pid (comm) state ...: the command may hold spaces and parentheses, the state follows the last ')'
      return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException | RuntimeException noProc) {
      return true;
    }
  }

  /** Whether the pid file names {@code realDirectory} and its process is a postgres serving it. */
  boolean serves(Path realDirectory) {
    return sameDirectory(dataDirectory, realDirectory) && alive() && isPostgresOn(pid, realDirectory);
  }

  /** The named process's command line, for messages (or "unknown"). */
  String describe() {
    return commandLine(pid).map(args -> String.join(" ", args)).orElse("unknown");
  }

  static boolean isPostgresOn(long pid, Path realDirectory) {
    Optional<List<String>> args = commandLine(pid);
    if (args.isEmpty() || args.get().isEmpty()) {
      return false;
    }
    // the postmaster keeps its command line; its children show a title such as "postgres: checkpointer"
    String program = args.get().get(0);
    String name = program.substring(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1);
    if (!program.startsWith("postgres:") && !name.equals("postgres") && !name.equals("postgres.exe")) {
      return false;
    }
    Path cwd = Path.of("/proc", Long.toString(pid), "cwd");
    if (Files.exists(cwd)) {
      try {
        return cwd.toRealPath().equals(realDirectory);
      } catch (IOException | SecurityException notOurs) {
        // another user's process cannot be serving our directory (PostgreSQL wants it 0700)
        return false;
      }
    }
    int d = args.get().indexOf("-D");
    return d >= 0 && d + 1 < args.get().size() && sameDirectory(Path.of(args.get().get(d + 1)), realDirectory);
  }

  /**
   * The processes still serving {@code realDirectory} after their postmaster died (backends finish
   * their statement before they notice): on Linux they are found by their working directory.
   */
  static List<Long> orphansOf(Path realDirectory) {
    List<Long> orphans = new ArrayList<>();
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return orphans;
    }
    try (Stream<Path> entries = Files.list(proc)) {
      entries.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+")).map(Long::parseLong)
          .filter(pid -> pid != ProcessHandle.current().pid())
          .filter(pid -> isPostgresOn(pid, realDirectory))
          .forEach(orphans::add);
    } catch (IOException | RuntimeException e) {
      // nothing found is the answer
    }
    return orphans;
  }

  private static Optional<List<String>> commandLine(long pid) {
    Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
    if (Files.exists(cmdline)) {
      try {
        String raw = Files.readString(cmdline, StandardCharsets.UTF_8);
        return Optional.of(Stream.of(raw.split("\0")).filter(s -> !s.isEmpty()).toList());
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
    return ProcessHandle.of(pid).flatMap(p -> p.info().command().map(command -> {
      List<String> all = new ArrayList<>(List.of(command));
      p.info().arguments().ifPresent(a -> all.addAll(List.of(a)));
      return all;
    }));
  }

  private static boolean sameDirectory(Path named, Path realDirectory) {
    try {
      return named.toRealPath().equals(realDirectory);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }
}
