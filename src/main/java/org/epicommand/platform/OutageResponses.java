package org.epicommand.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to a request that the system cannot serve right now ({@link SystemFailure}): 503
 * (507 for a full disk) with a message that says so — problem+json under {@code /api/}, a small
 * self-contained page for browsers (it needs nothing from the database and retries by itself).
 */
@Component
public class OutageResponses {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MessageSource messages;
  private final LocaleResolver locales;

  public OutageResponses(MessageSource messages, LocaleResolver locales) {
    this.messages = messages;
    this.locales = locales;
  }

  public static HttpStatus status(SystemFailure failure) {
    return failure == SystemFailure.DISK_FULL ? HttpStatus.INSUFFICIENT_STORAGE : HttpStatus.SERVICE_UNAVAILABLE;
  }

  /** The problem body of {@code failure} in {@code locale}. */
  public ProblemDetail problem(SystemFailure failure, Locale locale) {
    HttpStatus status = status(failure);
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail(failure, locale));
    body.setTitle(status.getReasonPhrase());
    return body;
  }

  /** How long a client should wait before it tries again, in seconds (none for a full disk). */
  public static String retryAfter(SystemFailure failure) {
    return failure == SystemFailure.DISK_FULL ? null : "10";
  }

  public void write(HttpServletRequest request, HttpServletResponse response, SystemFailure failure)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    Locale locale = locales.resolveLocale(request);
    HttpStatus status = status(failure);
    response.resetBuffer();
    response.setStatus(status.value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (retryAfter(failure) != null) {
      response.setHeader("Retry-After", retryAfter(failure));
    }
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      response.setContentType("application/problem+json");
      ProblemDetail body = problem(failure, locale);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("type", "about:blank");
      json.put("title", body.getTitle());
      json.put("status", body.getStatus());
      json.put("detail", body.getDetail());
      response.getWriter().write(JSON.writeValueAsString(json));
      return;
    }
    response.setContentType("text/html");
    response.getWriter().write(page(failure, locale, request.getContextPath()));
  }

  private String page(SystemFailure failure, Locale locale, String contextPath) {
    String title = HtmlUtils.htmlEscape(text("outage.page.title", locale));
    String refresh = failure == SystemFailure.DISK_FULL ? "" : "<meta http-equiv=\"refresh\" content=\"10\">";
    String retry = failure == SystemFailure.DISK_FULL ? "" : "<p class=\"hint\">"
        + HtmlUtils.htmlEscape(text("outage.page.retry", locale)) + "</p>";
    return "<!DOCTYPE html><html lang=\"" + (locale.getLanguage().equals("en") ? "en" : "zh-CN") + "\"><head>"
        + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" + refresh
        + "<title>" + title + " · " + HtmlUtils.htmlEscape(text("app.name", locale)) + "</title>"
        + "<link rel=\"stylesheet\" href=\"" + contextPath + "/webjars/bootstrap/dist/css/bootstrap.min.css\">"
        + "<link rel=\"stylesheet\" href=\"" + contextPath + "/css/app.css\"></head><body class=\"bg-body-tertiary\">"
        + "<div class=\"container\"><div class=\"empty-state border rounded bg-body mt-5\" data-testid=\"outage-page\">"
        + "<div class=\"display-6 mb-2\">" + status(failure).value() + "</div>"
        + "<h1 class=\"fs-5 mb-2\">" + title + "</h1>"
        + "<p>" + HtmlUtils.htmlEscape(detail(failure, locale)) + "</p>" + retry
        + "</div></div></body></html>";
  }

  private String detail(SystemFailure failure, Locale locale) {
    return text(switch (failure) {
      case DISK_FULL -> "problem.diskFull";
      case DATABASE_UNAVAILABLE -> "problem.databaseUnavailable";
      case DATABASE_BUSY -> "problem.databaseBusy";
    }, locale);
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
