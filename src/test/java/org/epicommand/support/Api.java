package org.epicommand.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests: real requests over loopback to the running application, as a demo
 * user (password demo1234) or anonymously.
 */
public class Api {

  public static final String DEMO_PASSWORD = "demo1234";
  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final Environment environment;
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  Api(Environment environment) {
    this.environment = environment;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + environment.getProperty("local.server.port");
  }

  public Caller as(String username) {
    return new Caller(username, DEMO_PASSWORD);
  }

  public Caller as(String username, String password) {
    return new Caller(username, password);
  }

  public Caller anonymous() {
    return new Caller(null, null);
  }

  /** The answer to one request. */
  public record Answer(int status, String body, java.net.http.HttpHeaders headers) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public final class Caller {

    private final String username;
    private final String password;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Caller(String username, String password) {
      this.username = username;
      this.password = password;
    }

    public Caller header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Answer get(String path) {
      return send(request(path).GET());
    }

    public Answer get(String path, String accept) {
      return send(request(path).header("Accept", accept).GET());
    }

    public Answer post(String path, Object body) {
      return send(request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    /** POSTs a text body of the given media type (FHIR JSON or XML, for instance). */
    public Answer post(String path, String contentType, String body) {
      return send(request(path).header("Content-Type", contentType)
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Answer put(String path, Object body) {
      return send(request(path).header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    public Answer delete(String path) {
      return send(request(path).DELETE());
    }

    /** Uploads bytes as the multipart field {@code file}. */
    public Answer upload(String path, String fileName, byte[] content) {
      String boundary = "----epicommand" + UUID.randomUUID();
      byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
      byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
      byte[] body = new byte[head.length + content.length + tail.length];
      System.arraycopy(head, 0, body, 0, head.length);
      System.arraycopy(content, 0, body, head.length, content.length);
      System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
      return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Answer upload(String path, Path file) throws IOException {
      return upload(path, file.getFileName().toString(), Files.readAllBytes(file));
    }

    private HttpRequest.Builder request(String path) {
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path));
      if (username != null) {
        builder.header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
      }
      headers.forEach(builder::header);
      return builder;
    }

    private Answer send(HttpRequest.Builder request) {
      try {
        HttpResponse<String> response = client.send(request.build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), response.headers());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
