package org.epicommand.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses request parameters holding a NUL character (U+0000): PostgreSQL cannot store or compare
 * it, so without this guard any search or form field carrying one would fail deep inside a query.
 * The answer is a 400 naming the parameter, like every other bad input.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class NulCharacterGuard extends OncePerRequestFilter {

  private final MessageSource messages;
  private final LocaleResolver locales;

  NulCharacterGuard(MessageSource messages, LocaleResolver locales) {
    this.messages = messages;
    this.locales = locales;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
      for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
        for (String value : parameter.getValue()) {
          if (value != null && value.indexOf('\u0000') >= 0) {
            refuse(request, response, parameter.getKey());
            return;
          }
        }
      }
    }
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, String field) throws IOException {
    Locale locale = locales.resolveLocale(request);
    String message = messages.getMessage("error.nulCharacter", null, locale);
    String title = messages.getMessage("problem.validation", null, locale);
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":400,"
        + "\"errors\":[{\"field\":\"" + json(field) + "\",\"code\":\"nulCharacter\",\"message\":\"" + json(message)
        + "\"}]}");
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
