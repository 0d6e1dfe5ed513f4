package org.epicommand.account.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.epicommand.platform.DatabaseAvailability;
import org.epicommand.platform.OutageResponses;
import org.epicommand.platform.SystemFailure;
import org.epicommand.shared.ApiAccessRule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Three filter chains: the public API ({@code /api/v1/public/**}: no login at all, so only the
 * filters that still matter — headers and the anonymous principal; the phone health check must
 * sustain thousands of requests a second), the stateless API ({@code /api/**}, HTTP Basic,
 * problem+json for 401 and 403) and the pages (form login, session, CSRF). All send the security
 * headers. A login that fails because the database cannot be reached is answered as that (503),
 * never as a wrong password.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(AccountProperties.class)
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  ApiAccessRule userAdministrationRule() {
    return new ApiAccessRule("/api/v1/users/**", "USER_ADMIN");
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  @Order(0)
  SecurityFilterChain publicApiFilterChain(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/v1/public/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable())
        .servletApi(api -> api.disable())
        .headers(SecurityConfiguration::headers);
    return http.build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiFilterChain(HttpSecurity http, MessageSource messages, LocaleResolver locales,
      List<ApiAccessRule> rules, SystemFailureAnswer systemFailures) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> {
          rules.forEach(rule -> requests.requestMatchers(rule.pathPattern()).hasAuthority(rule.authority()));
          requests.anyRequest().authenticated();
        })
        .httpBasic(basic -> basic.authenticationEntryPoint(systemFailures.or((request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"EpiCommand\", charset=\"UTF-8\"");
          problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
              messages.getMessage("problem.unauthorized", null, locales.resolveLocale(request)));
        })))
        .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
            problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                messages.getMessage("problem.forbidden", null, locales.resolveLocale(request)))))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .headers(SecurityConfiguration::headers);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pageFilterChain(HttpSecurity http, SystemFailureAnswer systemFailures) throws Exception {
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                "/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                "/public/**").permitAll()
            .requestMatchers("/actuator/**").hasAuthority("USER_ADMIN")
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
            .failureHandler((request, response, e) -> systemFailures.or((req, res, failure) -> res.sendRedirect(
                req.getContextPath() + (failure instanceof org.springframework.security.authentication.LockedException
                    ? "/login?locked" : "/login?error"))).commence(request, response, e)))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .httpBasic(basic -> basic.authenticationEntryPoint(systemFailures.or(basicEntryPoint())))
        .headers(SecurityConfiguration::headers);
    return http.build();
  }

  @Bean
  SystemFailureAnswer systemFailureAnswer(OutageResponses outages, DatabaseAvailability availability) {
    return new SystemFailureAnswer(outages, availability);
  }

  private static AuthenticationEntryPoint basicEntryPoint() {
    BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
    entryPoint.setRealmName("Realm");
    entryPoint.afterPropertiesSet();
    return entryPoint;
  }

  /**
   * An authentication that failed inside (the account could not be loaded: the database is
   * unreachable) is answered as the system failure it is — 503 — and not as bad credentials.
   */
  record SystemFailureAnswer(OutageResponses outages, DatabaseAvailability availability) {

    AuthenticationEntryPoint or(AuthenticationEntryPoint badCredentials) {
      return (request, response, e) -> {
        SystemFailure failure = e instanceof InternalAuthenticationServiceException
            ? SystemFailure.of(e).orElse(SystemFailure.DATABASE_UNAVAILABLE) : null;
        if (failure == null) {
          badCredentials.commence(request, response, e);
          return;
        }
        availability.reportFailure(e);
        outages.write(request, response, failure);
      };
    }
  }

  private static void headers(HeadersConfigurer<HttpSecurity> headers) {
    headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
  }

  private static void problem(HttpServletResponse response, int status, String title, String detail)
      throws java.io.IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
  }
}
