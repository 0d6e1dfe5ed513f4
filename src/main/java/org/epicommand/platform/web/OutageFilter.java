package org.epicommand.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.epicommand.platform.DatabaseAvailability;
import org.epicommand.platform.OutageResponses;
import org.epicommand.platform.SystemFailure;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is known to be unavailable, every request but the health check and static
 * files is answered 503 at once, before authentication: no request waits for a connection, and no
 * login is refused as if the password were wrong.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class OutageFilter extends OncePerRequestFilter {

  private static final List<String> ALWAYS_SERVED = List.of("/actuator/health", "/css/", "/js/", "/img/",
      "/webjars/", "/favicon.ico");

  private final DatabaseAvailability availability;
  private final OutageResponses responses;

  OutageFilter(DatabaseAvailability availability, OutageResponses responses) {
    this.availability = availability;
    this.responses = responses;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return availability.available() || ALWAYS_SERVED.stream().anyMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (availability.available()) {
      chain.doFilter(request, response);
      return;
    }
    responses.write(request, response, SystemFailure.DATABASE_UNAVAILABLE);
  }
}
