package org.epicommand.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.epicommand.EpiCommandApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application in a JVM of its own, on a data directory that survives it, for the crash tests:
 * started, killed with SIGKILL and started again on the same directory and port.
 */
public final class AppProcess {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path directory;
  private final int port;
  private final List<String> arguments;
  private final HttpClient http = HttpClient.newHttpClient();
  private Process process;

  /** An instance whose data, spool and log live in {@code directory}; {@code arguments} are extra properties. */
  public AppProcess(Path directory, String... arguments) throws IOException {
    this.directory = directory;
    this.arguments = List.of(arguments);
    try (ServerSocket socket = new ServerSocket(0)) {
      this.port = socket.getLocalPort();
    }
  }

  /** Starts the JVM and waits until it reports healthy. */
  public void start() throws Exception {
    List<String> command = new ArrayList<>(javaCommand());
    command.addAll(List.of("--server.port=" + port, "--epicommand.data-directory=" + directory,
        "--epicommand.db.embedded.server-config.shared_buffers=128MB", "--epicommand.quarantine.mqtt.embedded=false"));
    command.addAll(arguments);
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("app.log").toFile())).start();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("UP")) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the application did not start; see " + directory.resolve("app.log") + ":\n"
        + Files.readString(directory.resolve("app.log")));
  }

  /** The lines logged at ERROR so far, each with its stack trace: what a failed assertion should show. */
  public String errorsLogged() throws IOException {
    StringBuilder errors = new StringBuilder();
    boolean inError = false;
    for (String line : Files.readAllLines(directory.resolve("app.log"))) {
      if (line.matches("^\\d{4}-\\d{2}-\\d{2} .*")) {
        inError = line.matches("^\\S+ \\S+ ERROR .*");
      }
      if (inError) {
        errors.append(line).append('\n');
      }
    }
    return errors.toString();
  }

  /** What a run of the application's main method to its end answered: its exit status, output and time. */
  public record Ended(int exitCode, String output, Duration took) {

    /** The first line logged at ERROR (the pattern puts the level right after the time). */
    public String firstError() {
      return output.lines().filter(line -> line.matches("^\\S+ \\S+ ERROR .*")).findFirst().orElse("");
    }
  }

  /**
   * Runs the application's main method in a JVM of its own with these arguments (a command such as
   * {@code backup <dir>}, or a start that is meant to fail) and waits for it to end.
   */
  public static Ended run(Duration atMost, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(javaCommand());
    command.addAll(List.of(arguments));
    long started = System.nanoTime();
    Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
    java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return e.toString();
      }
    });
    if (!run.waitFor(atMost.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
      run.destroyForcibly().waitFor();
      throw new AssertionError("still running after " + atMost + ": " + String.join(" ", arguments) + "\n"
          + output.get());
    }
    return new Ended(run.exitValue(), output.get(), Duration.ofNanos(System.nanoTime() - started));
  }

  private static List<String> javaCommand() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
        EpiCommandApplication.class.getName());
  }

  public int port() {
    return port;
  }

  /** The pid of the instance's PostgreSQL postmaster (from its pid file). */
  public long postmasterPid() throws IOException {
    return Long.parseLong(Files.readAllLines(directory.resolve("pg").resolve("postmaster.pid")).get(0).strip());
  }

  /** A GET as {@code user} (demo password; {@code null}: anonymous), with whatever status it answers. */
  public HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60));
    if (user != null) {
      request.header("Authorization", auth(user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The bytes a GET as {@code user} answers. */
  public HttpResponse<byte[]> getBytes(String path, String user) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", auth(user))
        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A JSON POST as {@code user}, with whatever status it answers. */
  public HttpResponse<String> post(String path, String user, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", auth(user))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** An orderly stop. */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }

  /** Uploads {@code file} as an import of {@code kind} for {@code user} (demo password) and returns the import id. */
  public String upload(String kind, Path file, String user) throws Exception {
    String boundary = "----crash" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + file.getFileName()
        + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/imports/" + kind))
        .header("Authorization", auth(user)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
            HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return JSON.readTree(response.body()).get("importId").asString();
  }

  /** The import's status as {@code user} sees it. */
  public JsonNode status(String importId, String user) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/imports/" + importId))
        .header("Authorization", auth(user)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Waits until the import has processed at least {@code rows} rows (or has ended), and returns its status. */
  public JsonNode awaitProcessed(String importId, String user, long rows, Duration atMost) throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    JsonNode status = status(importId, user);
    while (status.get("rowsTotal").asLong() < rows && "RUNNING".equals(status.get("status").asString())
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
      status = status(importId, user);
    }
    return status;
  }

  /** Waits until the import is no longer RUNNING, and returns its status. */
  public JsonNode awaitEnd(String importId, String user, Duration atMost) throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    JsonNode status = status(importId, user);
    while ("RUNNING".equals(status.get("status").asString()) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      status = status(importId, user);
    }
    return status;
  }

  /** A connection to the instance's own PostgreSQL: the port is in its pid file. */
  public Connection database() throws IOException, SQLException {
    List<String> pid = Files.readAllLines(directory.resolve("pg").resolve("postmaster.pid"));
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres", "postgres",
        null);
  }

  private static String auth(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8));
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}
