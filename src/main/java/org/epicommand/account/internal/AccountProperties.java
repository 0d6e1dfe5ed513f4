package org.epicommand.account.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.account.*}: an account is blocked for the client address that failed
 * {@code maxFailedLogins} times, for {@code lockout} (failures older than that are forgotten); the
 * address itself gets a CAPTCHA and growing waits ({@link Source}); the password policy
 * ({@link Password}); the longest temporary role ({@code grantMaxDuration}); the first
 * administrators' passwords outside demo mode ({@code EPICOMMAND_ADMIN_PASSWORD},
 * {@code EPICOMMAND_SECURITY_PASSWORD}, {@code EPICOMMAND_AUDITOR_PASSWORD}; generated and logged
 * once when absent).
 */
@ConfigurationProperties("epicommand.account")
record AccountProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockout,
    String adminPassword, String securityPassword, String auditorPassword, @DefaultValue Password password,
    @DefaultValue Source source, @DefaultValue("72h") Duration grantMaxDuration) {

  /**
   * {@code epicommand.account.password.*}: at least {@code minLength} characters of
   * {@code characterClasses} classes (1: letters; 2: letters and digits; 3: letters, digits and
   * other characters), none of the last {@code history} passwords again, valid for {@code expiry}
   * ({@code 0}: for ever).
   */
  record Password(@DefaultValue("10") int minLength, @DefaultValue("2") int characterClasses,
      @DefaultValue("5") int history, @DefaultValue("90d") Duration expiry) {

    Password {
      characterClasses = Math.max(1, Math.min(3, characterClasses));
      minLength = Math.max(1, minLength);
      history = Math.max(0, history);
    }
  }

  /**
   * {@code epicommand.account.source.*}: after {@code captchaAfter} failed logins from one client
   * address its login page asks for a CAPTCHA; after {@code freeFailures} each further failure
   * makes it wait, {@code delay} first and twice as long each time, at most {@code maxDelay}. The
   * addresses in {@code exempt} (e.g. a monitoring host) get neither; the lock-out of a username
   * from an address still applies to them.
   */
  record Source(@DefaultValue("3") int captchaAfter, @DefaultValue("10") int freeFailures,
      @DefaultValue("2s") Duration delay, @DefaultValue("5m") Duration maxDelay, @DefaultValue List<String> exempt) {

    boolean exempts(String address) {
      return address == null || exempt.contains(address);
    }
  }
}
