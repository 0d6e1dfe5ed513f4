package org.epicommand.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Locale;
import org.epicommand.platform.DatabaseAvailability;
import org.epicommand.platform.OutageResponses;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** A login that fails because the accounts cannot be read is a 503, not a wrong password. */
class SystemFailureAnswerTest {

  private final DatabaseAvailability availability = new DatabaseAvailability();
  private final AuthenticationEntryPoint entryPoint = answer().or((request, response, e) -> response.sendError(401));

  @Test
  void anAccountThatCouldNotBeLoadedIsAnsweredAsTheDatabaseOutageItIs() throws Exception {
    MockHttpServletResponse api = new MockHttpServletResponse();
    entryPoint.commence(new MockHttpServletRequest("GET", "/api/v1/me"), api, accountsUnreadable());
    assertThat(api.getStatus()).isEqualTo(503);
    assertThat(api.getContentType()).startsWith("application/problem+json");
    assertThat(api.getContentAsString()).contains("\"status\":503").contains("The database cannot be reached");
    assertThat(api.getHeader("Retry-After")).isEqualTo("10");
    assertThat(availability.available()).isFalse();

    MockHttpServletResponse page = new MockHttpServletResponse();
    entryPoint.commence(new MockHttpServletRequest("POST", "/login"), page, accountsUnreadable());
    assertThat(page.getStatus()).isEqualTo(503);
    assertThat(page.getContentAsString()).contains("data-testid=\"outage-page\"")
        .contains("Service temporarily unavailable");
  }

  @Test
  void aWrongPasswordIsStillAWrongPassword() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    entryPoint.commence(new MockHttpServletRequest("GET", "/api/v1/me"), response, new BadCredentialsException("bad"));
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(availability.available()).isTrue();
  }

  private static InternalAuthenticationServiceException accountsUnreadable() {
    return new InternalAuthenticationServiceException("could not load the account",
        new CannotGetJdbcConnectionException(
        "no connection", new SQLException("Connection to localhost:5432 refused", "08001")));
  }

  private SecurityConfiguration.SystemFailureAnswer answer() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return new SecurityConfiguration.SystemFailureAnswer(
        new OutageResponses(messages, new FixedLocaleResolver(Locale.ENGLISH)), availability);
  }
}
