package org.epicommand.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before the login form's password is checked: a client address that must wait is told so
 * ({@code /login?throttled}), and one with repeated failures must have solved the CAPTCHA of its
 * session ({@code /login?captcha} otherwise). Neither checks the password, so neither says
 * anything about the account.
 */
public class LoginFormGuard extends OncePerRequestFilter {

  /** The session attribute with the seconds to wait, for the login page's message. */
  public static final String RETRY_AFTER = "epicommand.retryAfter";

  private final LoginThrottle throttle;
  private final Captcha captcha;

  LoginFormGuard(LoginThrottle throttle, Captcha captcha) {
    this.throttle = throttle;
    this.captcha = captcha;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !request.getRequestURI().substring(request.getContextPath().length()).equals("/login");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    LoginThrottle.Wait wait = throttle.sourceWait(address);
    if (wait.any()) {
      throttled(request, response, wait.seconds());
      return;
    }
    if (throttle.captchaRequired(address) && !captcha.solve(request.getSession(false),
        request.getParameter("captcha"))) {
      response.sendRedirect(request.getContextPath() + "/login?captcha");
      return;
    }
    chain.doFilter(request, response);
  }

  /** Tells the login page how long to wait (kept in the session, so the address bar shows no number). */
  static void throttled(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
    request.getSession().setAttribute(RETRY_AFTER, seconds);
    response.sendRedirect(request.getContextPath() + "/login?throttled");
  }
}
