package org.epicommand.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.epicommand.platform.DatabaseAvailability;
import org.epicommand.platform.OutageResponses;
import org.epicommand.platform.SystemFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is known to be unavailable, every request but the health check and static
 * files is answered 503 at once, before authentication: no request waits for a connection, and no
 * login is refused as if the password were wrong. A request that meets the outage first — in a
 * security filter, say, where no controller advice sees it — is answered the same way (503, or 507
 * for a full disk) instead of a 500, and marks the database unavailable.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class OutageFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(OutageFilter.class);

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
    return ALWAYS_SERVED.stream().anyMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!availability.available()) {
      responses.write(request, response, SystemFailure.DATABASE_UNAVAILABLE);
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      Optional<SystemFailure> failure = SystemFailure.of(e);
      if (failure.isEmpty() || response.isCommitted()) {
        throw e;
      }
      availability.reportFailure(e);
      log.warn("Request failed on the system: {} ({})", failure.get(), e.getMessage());
      responses.write(request, response, failure.get());
    }
  }
}
