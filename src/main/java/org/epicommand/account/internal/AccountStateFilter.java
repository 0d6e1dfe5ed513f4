package org.epicommand.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * After authentication, on every request: a page session whose account changed (disabled, new
 * roles, new jurisdiction, new password, a temporary role ended — through any instance) is ended
 * and sent to {@code /login?expired}; a user whose password must be changed (set by an
 * administrator, or expired) is sent to the change-password page, and the API answers them 403
 * saying so — except for the few requests that change it.
 */
class AccountStateFilter extends OncePerRequestFilter {

  static final String CHANGE_PASSWORD_PAGE = "/account/password";
  private static final Set<String> PAGES_WHILE_CHANGING = Set.of(CHANGE_PASSWORD_PAGE, "/logout", "/login",
      "/login/captcha", "/error");
  private static final Set<String> API_WHILE_CHANGING = Set.of("GET /api/v1/me", "POST /api/v1/me/password");
  private static final Set<String> STATIC = Set.of("/webjars/", "/css/", "/js/", "/img/", "/favicon.ico");

  private final boolean pages;
  private final AccountSessions sessions;
  private final PasswordPolicy policy;
  private final Clock clock;
  private final MessageSource messages;
  private final LocaleResolver locales;

  AccountStateFilter(boolean pages, AccountSessions sessions, PasswordPolicy policy, Clock clock,
      MessageSource messages, LocaleResolver locales) {
    this.pages = pages;
    this.sessions = sessions;
    this.policy = policy;
    this.clock = clock;
    this.messages = messages;
    this.locales = locales;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return STATIC.stream().anyMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof AccountUser user)) {
      chain.doFilter(request, response);
      return;
    }
    // the API's principals are checked as they authenticate (CachingAuthenticationProvider)
    if (pages && !sessions.current(user)) {
      sessions.end(request, user);
      redirect(request, response, "/login?expired");
      return;
    }
    if (user.passwordChangeRequired(clock.instant(), policy.expiry()) && !allowedWhileChanging(request)) {
      if (pages) {
        redirect(request, response, CHANGE_PASSWORD_PAGE);
      } else {
        boolean expired = user.passwordExpired(clock.instant(), policy.expiry());
        String detail = messages.getMessage(expired ? "problem.passwordExpired" : "problem.passwordChangeRequired",
            null, locales.resolveLocale(request));
        SecurityConfiguration.problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", detail,
            ",\"passwordChangeRequired\":true");
      }
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean allowedWhileChanging(HttpServletRequest request) {
    String path = path(request);
    return pages ? PAGES_WHILE_CHANGING.contains(path) : API_WHILE_CHANGING.contains(request.getMethod() + " " + path);
  }

  /** A redirect, or for htmx requests the header that makes htmx navigate. */
  private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
      throws IOException {
    String target = request.getContextPath() + path;
    if ("true".equals(request.getHeader("HX-Request"))) {
      response.setHeader("HX-Redirect", target);
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else {
      response.sendRedirect(target);
    }
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
