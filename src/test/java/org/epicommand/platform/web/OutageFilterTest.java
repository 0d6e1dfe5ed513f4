package org.epicommand.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.sql.SQLException;
import org.epicommand.platform.DatabaseAvailability;
import org.epicommand.platform.OutageResponses;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * A lost database met first inside the filter chain (a security filter reading the account, before
 * any controller advice) is answered 503 problem+json and marks the database unavailable; any other
 * failure passes through untouched.
 */
class OutageFilterTest {

  private final DatabaseAvailability availability = new DatabaseAvailability();
  private final StaticMessageSource messages = new StaticMessageSource();
  private final OutageFilter filter;

  OutageFilterTest() {
    messages.setUseCodeAsDefaultMessage(true);
    filter = new OutageFilter(availability, new OutageResponses(messages, new FixedLocaleResolver()));
  }

  @Test
  void aLostConnectionInsideTheChainIsA503AndMarksTheDatabaseDown() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/persons");
    MockHttpServletResponse response = new MockHttpServletResponse();
    FilterChain chain = (req, res) -> {
      throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
          new SQLException("Connection to localhost:5432 refused", "08001"));
    };

    filter.doFilter(request, response, chain);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString()).contains("problem.databaseUnavailable");
    assertThat(response.getHeader("Retry-After")).isEqualTo("10");
    assertThat(availability.available()).isFalse();

    MockHttpServletResponse next = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/me"), next, (req, res) -> res.getWriter().write("ok"));
    assertThat(next.getStatus()).as("answered at once while the database is down").isEqualTo(503);
  }

  @Test
  void otherFailuresPassThrough() {
    MockHttpServletResponse response = new MockHttpServletResponse();
    assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/me"), response,
        (req, res) -> {
          throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
    assertThat(availability.available()).isTrue();
  }
}
