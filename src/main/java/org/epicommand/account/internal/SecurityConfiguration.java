package org.epicommand.account.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.platform.DatabaseAvailability;
import org.epicommand.platform.OutageResponses;
import org.epicommand.platform.SystemFailure;
import org.epicommand.shared.ApiAccessRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Three filter chains: the public API ({@code /api/v1/public/**}: no login at all, so only the
 * filters that still matter — headers and the anonymous principal; the phone health check must
 * sustain thousands of requests a second), the stateless API ({@code /api/**}, HTTP Basic,
 * problem+json for 401, 403 and 429) and the pages (form login with the login guard, session,
 * CSRF). All send the security headers; after authentication both the API and the pages check the
 * account's state ({@link AccountStateFilter}). The API documentation is public in demo mode only. A
 * login that fails because the database cannot be reached is answered as that (503), never as a wrong
 * password.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableScheduling
@EnableConfigurationProperties(AccountProperties.class)
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

  @Bean
  ApiAccessRule userAdministrationRule() {
    return new ApiAccessRule("/api/v1/users/**", "USER_READ");
  }

  @Bean
  ApiAccessRule grantsRule() {
    return new ApiAccessRule("/api/v1/grants/**", "ACCESS_ADMIN|AUDIT_READ");
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
      List<ApiAccessRule> rules, AccountSessions sessions, PasswordPolicy policy, Clock clock,
      SystemFailureAnswer systemFailures) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> {
          rules.forEach(rule -> requests.requestMatchers(rule.pathPattern())
              .hasAnyAuthority(rule.authority().split("\\|")));
          requests.anyRequest().authenticated();
        })
        .httpBasic(basic -> basic.authenticationEntryPoint(systemFailures.or(apiEntryPoint(messages, locales))))
        .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
            problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                messages.getMessage("problem.forbidden", null, locales.resolveLocale(request)), "")))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .addFilterAfter(new AccountStateFilter(false, sessions, policy, clock, messages, locales),
            AnonymousAuthenticationFilter.class)
        .headers(SecurityConfiguration::headers);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pageFilterChain(HttpSecurity http, @Value("${epicommand.demo.enabled:false}") boolean demo,
      LoginThrottle throttle, Captcha captcha, AccountSessions sessions, PasswordPolicy policy, Clock clock,
      MessageSource messages, LocaleResolver locales, AuditTrail audit, SystemFailureAnswer systemFailures)
      throws Exception {
    http.authorizeHttpRequests(requests -> {
          requests.requestMatchers("/login", "/login/captcha", "/error", "/webjars/**", "/css/**", "/js/**",
              "/img/**", "/favicon.ico", "/actuator/health", "/actuator/health/**", "/public/**").permitAll();
          AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl docs = requests.requestMatchers(API_DOCS);
          if (demo) {
            docs.permitAll();
          } else {
            docs.authenticated();
          }
          requests.requestMatchers("/actuator/**").hasAuthority("USER_ADMIN")
              .anyRequest().authenticated();
        })
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
            .failureHandler((request, response, e) -> systemFailures.or((req, res, failure) -> {
              if (failure instanceof LoginThrottled throttled) {
                LoginFormGuard.throttled(req, res, throttled.retryAfterSeconds());
              } else {
                res.sendRedirect(req.getContextPath() + "/login?error");
              }
            }).commence(request, response, e)))
        .addFilterBefore(new LoginFormGuard(throttle, captcha), UsernamePasswordAuthenticationFilter.class)
        .addFilterAfter(new AccountStateFilter(true, sessions, policy, clock, messages, locales),
            AnonymousAuthenticationFilter.class)
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
            .addLogoutHandler((request, response, authentication) -> {
              if (authentication != null && authentication.getPrincipal() instanceof AccountUser user) {
                audit.recordAs(user.getUsername(), AuditAction.LOGOUT, "USER", user.id().toString(), "signed out");
              }
            }))
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

  /** 401 with a problem, or 429 with Retry-After when the login was refused without a password check. */
  private static AuthenticationEntryPoint apiEntryPoint(MessageSource messages, LocaleResolver locales) {
    return (request, response, e) -> {
      if (e instanceof LoginThrottled throttled) {
        response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
        problem(response, 429, "Too Many Requests",
            messages.getMessage("problem.throttled", null, locales.resolveLocale(request)), "");
        return;
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"EpiCommand\", charset=\"UTF-8\"");
      problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
          messages.getMessage("problem.unauthorized", null, locales.resolveLocale(request)), "");
    };
  }

  private static void headers(HeadersConfigurer<HttpSecurity> headers) {
    headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
  }

  /** Writes a problem+json answer; {@code extra} is more JSON members, each starting with a comma. */
  static void problem(HttpServletResponse response, int status, String title, String detail, String extra)
      throws java.io.IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" + extra + "}");
  }
}
