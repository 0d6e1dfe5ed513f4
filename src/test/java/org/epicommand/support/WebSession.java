package org.epicommand.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like session on the web pages without a browser: form login through {@code /login}
 * with its CSRF token, a cookie jar, and form posts with or without the token. Redirects are not
 * followed, so a test sees the 302 of a successful post.
 */
public final class WebSession {

  /** The page's current CSRF token: the hidden {@code _csrf} input, or the layout's data attribute. */
  private static final Pattern CSRF_INPUT = Pattern.compile(
      "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
  /** What a browser asks for when it navigates or submits a form. */
  private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  private static final Pattern CSRF_DATA = Pattern.compile("data-csrf-token=\"([^\"]+)\"");

  /** One answer of a page request. */
  public record Page(int status, String body, String location) {}

  private final String baseUrl;
  private final HttpClient client;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  /** The client address the application sees (sent as X-Forwarded-For), or null for loopback. */
  private final String source;

  private WebSession(String baseUrl, String source) {
    this.baseUrl = baseUrl;
    this.source = source;
    this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies).build();
  }

  /** A browser without a login yet, at the client address {@code source} (a test address of its own, e.g. from the
   * documentation range 192.0.2.0/24). */
  public static WebSession from(Api api, String source) {
    return new WebSession(api.baseUrl(), source);
  }

  /** Signs in as a demo user through the login form, exactly as a browser does, and checks it worked. */
  public static WebSession login(Api api, String username) {
    return login(api, username, Api.DEMO_PASSWORD);
  }

  public static WebSession login(Api api, String username, String password) {
    return login(api, username, password, null);
  }

  public static WebSession login(Api api, String username, String password, String source) {
    WebSession session = new WebSession(api.baseUrl(), source);
    Page signedIn = session.submitLogin(username, password, Map.of());
    assertThat(signedIn.status()).as("POST /login as " + username).isEqualTo(302);
    assertThat(signedIn.location()).as("redirect after login as " + username).doesNotContain("/login");
    assertThat(session.isSignedIn()).as(username + " has a signed-in session").isTrue();
    return session;
  }

  /**
   * Fetches the login form and posts it with the user's credentials and {@code extra} fields (such
   * as a CAPTCHA answer); answers the post's answer, whatever it is.
   */
  public Page submitLogin(String username, String password, Map<String, String> extra) {
    Page form = get("/login");
    assertThat(form.status()).as("GET /login").isEqualTo(200);
    Map<String, String> fields = new LinkedHashMap<>(Map.of("username", username, "password", password,
        "_csrf", token(form.body())));
    fields.putAll(extra);
    return send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
  }

  /** The servlet session's id (the JSESSIONID cookie), or null before there is one. */
  public String sessionId() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
        .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
  }

  /** True while the session's cookie still opens a protected page (no redirect to the login form). */
  public boolean isSignedIn() {
    Page page = get("/jurisdictions");
    return page.status() == 200;
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** A fresh CSRF token of this session, as a page carries it after the login. */
  public String csrfToken() {
    return token(get("/jurisdictions").body());
  }

  /** Posts a URL-encoded form; with {@code withToken} the session's current CSRF token is added as {@code _csrf}. */
  public Page postForm(String path, Map<String, String> fields, boolean withToken) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (withToken) {
      all.put("_csrf", csrfToken());
    }
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(all))));
  }

  /**
   * Posts a URL-encoded form whose names may repeat (rows of a form, in order); with {@code withToken} the session's
   * current CSRF token is added as {@code _csrf}.
   */
  public Page postForm(String path, List<Map.Entry<String, String>> fields, boolean withToken) {
    List<Map.Entry<String, String>> all = new ArrayList<>(fields);
    if (withToken) {
      all.add(Map.entry("_csrf", csrfToken()));
    }
    String body = all.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Posts a multipart form with text fields and one file field {@code file}, the token as a form field. */
  public Page postMultipart(String path, Map<String, String> fields, String fileName, byte[] content,
      boolean withToken) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (withToken) {
      all.put("_csrf", csrfToken());
    }
    String boundary = "----websession" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  public static String token(String html) {
    Matcher input = CSRF_INPUT.matcher(html);
    if (input.find()) {
      return input.group(1) != null ? input.group(1) : input.group(2);
    }
    Matcher data = CSRF_DATA.matcher(html);
    assertThat(data.find()).as("the page carries a CSRF token").isTrue();
    return data.group(1);
  }

  public static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private Page send(HttpRequest.Builder request) {
    request.header("Accept", BROWSER_ACCEPT);
    if (source != null) {
      request.header("X-Forwarded-For", source);
    }
    try {
      HttpResponse<String> response = client.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
