package org.epicommand.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password authentication with a short memory. API clients send HTTP Basic credentials with every
 * request, and a bcrypt check costs tens of milliseconds of CPU: a successful check is remembered
 * for a minute (keyed by a salted SHA-256 of the password, never the password itself), so a
 * client's following requests cost a hash lookup. Any change to the account (lock-out, disabling,
 * new password, new roles) forgets it at once.
 */
@Component
public class CachingAuthenticationProvider implements AuthenticationProvider {

  private static final Duration TTL = Duration.ofSeconds(60);

  private record Remembered(String passwordDigest, Authentication authentication, Instant until) {}

  private final DaoAuthenticationProvider delegate;
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
  private final byte[] salt = new byte[32];
  private final Clock clock;
  private final UserAccess accounts;

  CachingAuthenticationProvider(UserDetailsService users, PasswordEncoder passwords, Clock clock,
      UserAccess accounts) {
    this.accounts = accounts;
    this.delegate = new DaoAuthenticationProvider(users);
    this.delegate.setPasswordEncoder(passwords);
    this.clock = clock;
    new SecureRandom().nextBytes(salt);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    String digest = credentials == null ? null : digest(credentials.toString());
    Remembered known = username == null ? null : remembered.get(username);
    if (known != null && digest != null && known.passwordDigest().equals(digest)
        && known.until().isAfter(clock.instant())) {
      return known.authentication();
    }
    Authentication result = delegate.authenticate(authentication);
    if (result != null) {
      // a real password check succeeded: the run of failures (if any) ends here
      accounts.recordSuccess(username);
    }
    if (result != null && digest != null) {
      remembered.put(username, new Remembered(digest, result, clock.instant().plus(TTL)));
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
