package org.epicommand.quarantine.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Pattern;
import org.epicommand.quarantine.HealthCheck;
import org.epicommand.quarantine.HealthChecks;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The phone health check's short way (issue #7: thousands of checks a second): a well-formed
 * {@code POST /api/v1/public/health-links/{token}/health-checks} is answered right after the
 * security filters (which still write the security headers), without Spring MVC's handler lookup,
 * argument resolution and message converters. Anything this path does not accept — a body that
 * is not JSON, a refused value, an unknown token — goes on to {@link SelfReportApiController}
 * with the body replayed, so there is one place that shapes error answers. A refused check wrote
 * nothing (its transaction rolled back), so hearing it twice is harmless.
 */
final class HealthCheckFastPath extends OncePerRequestFilter {

  static final String PATTERN = "/api/v1/public/health-links/{token}/health-checks";
  private static final Pattern PATH = Pattern.compile("/api/v1/public/health-links/[A-Za-z0-9_-]{40,64}/health-checks");
  private static final int MAX_BODY = 4096;

  private final HealthChecks checks;
  private final JsonMapper json;

  HealthCheckFastPath(HealthChecks checks, JsonMapper json) {
    this.checks = checks;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return !"POST".equals(request.getMethod()) || type == null
        || !type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_JSON_VALUE)
        || request.getContentLength() > MAX_BODY || !PATH.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    HealthCheck saved = null;
    if (body.length <= MAX_BODY) {
      try {
        SelfReport report = json.readValue(body, SelfReport.class);
        String uri = request.getRequestURI();
        String token = uri.substring("/api/v1/public/health-links/".length(), uri.length() - "/health-checks".length());
        saved = checks.selfReport(token, report.forOrderId(), report.temperature(), report.symptoms());
      } catch (RuntimeException refused) {
        // answered below by the controller, the one place that shapes problem answers
      }
    }
    if (saved == null) {
      chain.doFilter(new Replayed(request, body), response);
      return;
    }
    ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATTERN));
    byte[] answer = json.writeValueAsBytes(saved);
    response.setStatus(HttpServletResponse.SC_CREATED);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(answer.length);
    response.getOutputStream().write(answer);
  }

  /** The request with its body read again from memory. */
  private static final class Replayed extends HttpServletRequestWrapper {

    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
          java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    /** Right after the security filters, so the public chain's headers and principal apply. */
    @Bean
    FilterRegistrationBean<HealthCheckFastPath> healthCheckFastPath(HealthChecks checks, JsonMapper json) {
      FilterRegistrationBean<HealthCheckFastPath> registration =
          new FilterRegistrationBean<>(new HealthCheckFastPath(checks, json));
      registration.addUrlPatterns("/api/v1/public/health-links/*");
      registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
      return registration;
    }
  }
}
