package org.epicommand.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Password authentication with throttling, audit and a short memory. Before a password is checked,
 * a username blocked for the client address, or an address that must wait, is refused
 * ({@link LoginThrottle}); every real check is audited (LOGIN, or LOGIN_FAILED with the username as
 * typed and never the password). API clients send HTTP Basic credentials with every request, and a
 * bcrypt check costs tens of milliseconds of CPU: a successful check is remembered for a minute
 * (keyed by a salted SHA-256 of the password, never the password itself), so a client's following
 * requests cost a hash lookup and one primary-key lookup of the account's security stamp — any
 * change to the account, made through any instance, forgets it at once.
 */
@Component
public class CachingAuthenticationProvider implements AuthenticationProvider {

  private static final Logger log = LoggerFactory.getLogger(CachingAuthenticationProvider.class);
  private static final Duration TTL = Duration.ofSeconds(60);

  private record Remembered(String passwordDigest, Authentication authentication, Instant until, UUID userId,
      long stamp) {}

  private final DaoAuthenticationProvider delegate;
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
  private final byte[] salt = new byte[32];
  private final Clock clock;
  private final UserAccess accounts;
  private final LoginThrottle throttle;
  private final AuditTrail audit;
  private final AccountProperties properties;

  CachingAuthenticationProvider(UserDetailsService users, PasswordEncoder passwords, Clock clock, UserAccess accounts,
      LoginThrottle throttle, AuditTrail audit, AccountProperties properties) {
    this.accounts = accounts;
    this.throttle = throttle;
    this.audit = audit;
    this.properties = properties;
    this.delegate = new DaoAuthenticationProvider(users);
    this.delegate.setPasswordEncoder(passwords);
    // the password first, the account's state after: a disabled account answers like a wrong password
    this.delegate.setPreAuthenticationChecks(user -> { });
    this.delegate.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    this.clock = clock;
    new SecureRandom().nextBytes(salt);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName() == null ? "" : authentication.getName();
    Object credentials = authentication.getCredentials();
    String digest = credentials == null ? null : digest(credentials.toString());
    Optional<Authentication> known = recall(username, digest);
    if (known.isPresent()) {
      return known.get();
    }
    String address = addressOf(authentication);
    LoginThrottle.Wait wait = throttle.wait(username, address);
    if (wait.any()) {
      throw new LoginThrottled(wait.seconds());
    }
    Authentication result;
    try {
      result = delegate.authenticate(authentication);
    } catch (AuthenticationException e) {
      failed(username, address, e);
      throw e;
    }
    AccountUser user = (AccountUser) result.getPrincipal();
    throttle.succeeded(username, address);
    audit.recordAs(username, AuditAction.LOGIN, "USER", user.id().toString(), "signed in (" + channel() + ")");
    if (digest != null) {
      Instant until = clock.instant().plus(TTL);
      if (user.validUntil() != null && user.validUntil().isBefore(until)) {
        until = user.validUntil();
      }
      remembered.put(username, new Remembered(digest, result, until, user.id(), user.stamp()));
    }
    return result;
  }

  /** Forgets a user's remembered check (their account changed). */
  public void forget(String username) {
    remembered.remove(username);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** The remembered check of this password, while it is fresh and the account unchanged. */
  private Optional<Authentication> recall(String username, String digest) {
    Remembered known = remembered.get(username);
    if (known == null || digest == null || !known.passwordDigest().equals(digest)) {
      return Optional.empty();
    }
    if (known.until().isAfter(clock.instant())
        && accounts.stamp(known.userId()).filter(stamp -> stamp == known.stamp()).isPresent()) {
      return Optional.of(known.authentication());
    }
    remembered.remove(username, known);
    return Optional.empty();
  }

  private void failed(String username, String address, AuthenticationException e) {
    forget(username);
    audit.recordAs(username, AuditAction.LOGIN_FAILED, "USER", username, "failed sign-in (" + channel() + ")");
    if (throttle.failed(username, address)) {
      log.warn("Username '{}' blocked for {} from {} after {} failed logins", LoginThrottle.column(username),
          properties.lockout(), address, properties.maxFailedLogins());
      audit.recordAs(username, AuditAction.LOGIN_LOCKED, "USER", username, "blocked for " + properties.lockout()
          + " from " + address + " after " + properties.maxFailedLogins() + " failed logins");
    }
    log.debug("Failed login for '{}' from {}: {}", LoginThrottle.column(username), address, e.getClass()
        .getSimpleName());
  }

  /** The client address as Spring resolved it (honouring server.forward-headers-strategy). */
  private static String addressOf(Authentication authentication) {
    if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
      return details.getRemoteAddress();
    }
    HttpServletRequest request = currentRequest();
    return request == null ? null : request.getRemoteAddr();
  }

  /** "page" for the login form, "api" for HTTP Basic. */
  private static String channel() {
    HttpServletRequest request = currentRequest();
    return request != null && "POST".equals(request.getMethod()) && request.getServletPath().equals("/login")
        ? "page" : "basic";
  }

  private static HttpServletRequest currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? attributes.getRequest() : null;
  }

  private String digest(String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return java.util.HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
