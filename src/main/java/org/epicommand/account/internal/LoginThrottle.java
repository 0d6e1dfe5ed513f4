package org.epicommand.account.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed logins, counted in the database (so that several instances count together) per username as
 * typed and client address, and per client address. An account is blocked only for the address
 * that failed {@code maxFailedLogins} times — never for everyone, so nobody can keep the leaders
 * out — and an unknown username is counted exactly like a real one, so the answers say nothing
 * about which accounts exist. An address with {@code source.captchaAfter} failures gets a CAPTCHA
 * on the login page, and after {@code source.freeFailures} each failure makes it wait longer.
 * Failures are forgotten {@code lockout} after the last one.
 */
@Component
public class LoginThrottle {

  /** How long a username from an address, or the address itself, must wait; zero when it need not. */
  public record Wait(Duration duration) {

    public boolean any() {
      return !duration.isZero();
    }

    /** Whole seconds, rounded up (for Retry-After). */
    public long seconds() {
      return (duration.toMillis() + 999) / 1000;
    }
  }

  static final int MAX_COLUMN = 64;

  private final JdbcClient jdbc;
  private final AccountProperties properties;
  private final Clock clock;

  LoginThrottle(JdbcClient jdbc, AccountProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** How long {@code address} must wait before any login from it is checked. */
  public Wait sourceWait(String address) {
    if (properties.source().exempts(address)) {
      return new Wait(Duration.ZERO);
    }
    return remaining(jdbc.sql("select blocked_until from account_login_source where address = :address")
        .param("address", column(address)).query(Timestamp.class).list());
  }

  /** How long {@code username} (as typed) must wait from {@code address}, or the address itself. */
  public Wait wait(String username, String address) {
    if (address == null) {
      return new Wait(Duration.ZERO);
    }
    Wait pair = remaining(jdbc.sql("""
        select blocked_until from account_login_failure where username = :username and address = :address
        """).param("username", column(username)).param("address", column(address)).query(Timestamp.class).list());
    Wait source = sourceWait(address);
    return pair.duration().compareTo(source.duration()) >= 0 ? pair : source;
  }

  /** Whether the login page must ask {@code address} for a CAPTCHA. */
  public boolean captchaRequired(String address) {
    if (properties.source().exempts(address)) {
      return false;
    }
    return jdbc.sql("""
        select exists (select 1 from account_login_source
          where address = :address and failures >= :after and last_failure_at > :forget)
        """).param("address", column(address)).param("after", properties.source().captchaAfter())
        .param("forget", Timestamp.from(clock.instant().minus(properties.lockout()))).query(Boolean.class).single();
  }

  /** Counts a failed login; true when it blocked {@code username} for {@code address}. */
  public boolean failed(String username, String address) {
    if (address == null) {
      return false;
    }
    Instant now = clock.instant();
    Timestamp forget = Timestamp.from(now.minus(properties.lockout()));
    if (!properties.source().exempts(address)) {
      countForSource(address, now, forget);
    }
    int pairFailures = jdbc.sql("""
        insert into account_login_failure (username, address, failures, last_failure_at)
        values (:username, :address, 1, :now)
        on conflict (username, address) do update set last_failure_at = :now,
          failures = case when account_login_failure.last_failure_at <= :forget then 1
            else account_login_failure.failures + 1 end
        returning failures
        """).param("username", column(username)).param("address", column(address)).param("now", Timestamp.from(now))
        .param("forget", forget).query(Integer.class).single();
    if (pairFailures < properties.maxFailedLogins()) {
      return false;
    }
    jdbc.sql("""
        update account_login_failure set failures = 0, blocked_until = :until
        where username = :username and address = :address
        """).param("until", Timestamp.from(now.plus(properties.lockout()))).param("username", column(username))
        .param("address", column(address)).update();
    return true;
  }

  /** Counts a failure of the address; from {@code freeFailures} on, it must wait before its next try. */
  private void countForSource(String address, Instant now, Timestamp forget) {
    int sourceFailures = jdbc.sql("""
        insert into account_login_source (address, failures, last_failure_at) values (:address, 1, :now)
        on conflict (address) do update set last_failure_at = :now,
          failures = case when account_login_source.last_failure_at <= :forget then 1
            else account_login_source.failures + 1 end
        returning failures
        """).param("address", column(address)).param("now", Timestamp.from(now)).param("forget", forget)
        .query(Integer.class).single();
    AccountProperties.Source source = properties.source();
    if (sourceFailures >= source.freeFailures()) {
      int doublings = Math.min(20, sourceFailures - source.freeFailures());
      Duration delay = source.delay().multipliedBy(1L << doublings);
      delay = delay.compareTo(source.maxDelay()) > 0 ? source.maxDelay() : delay;
      jdbc.sql("update account_login_source set blocked_until = :until where address = :address")
          .param("until", Timestamp.from(now.plus(delay))).param("address", column(address)).update();
    }
  }

  /** A password check succeeded: the username's run of failures from that address ends. */
  public void succeeded(String username, String address) {
    if (address != null) {
      jdbc.sql("delete from account_login_failure where username = :username and address = :address")
          .param("username", column(username)).param("address", column(address)).update();
    }
  }

  /** Lifts every block of the username, from every address (the security administrator unlocks it). */
  public int unlock(String username) {
    return jdbc.sql("delete from account_login_failure where username = :username")
        .param("username", column(username)).update();
  }

  /** Whether the username is blocked from some address right now. */
  public boolean locked(String username) {
    return jdbc.sql("""
        select exists (select 1 from account_login_failure where username = :username and blocked_until > :now)
        """).param("username", column(username)).param("now", Timestamp.from(clock.instant()))
        .query(Boolean.class).single();
  }

  /** Failures older than a day are of no use any more. */
  @Scheduled(fixedDelayString = "1h", initialDelayString = "10m")
  void forgetOldFailures() {
    Timestamp cutoff = Timestamp.from(clock.instant().minus(Duration.ofDays(1)).minus(properties.lockout()));
    jdbc.sql("delete from account_login_failure where last_failure_at < :cutoff and (blocked_until is null"
        + " or blocked_until < :cutoff)").param("cutoff", cutoff).update();
    jdbc.sql("delete from account_login_source where last_failure_at < :cutoff and (blocked_until is null"
        + " or blocked_until < :cutoff)").param("cutoff", cutoff).update();
  }

  /** The wait left of a block (none when there is no row or no block in it). */
  private Wait remaining(List<Timestamp> blockedUntil) {
    Instant now = clock.instant();
    return new Wait(blockedUntil.stream().filter(Objects::nonNull).map(Timestamp::toInstant).filter(now::isBefore)
        .map(until -> Duration.between(now, until)).findFirst().orElse(Duration.ZERO));
  }

  /** A value as the columns hold it: at most 64 characters. */
  static String column(String value) {
    String text = value == null ? "" : value;
    return text.length() <= MAX_COLUMN ? text : text.substring(0, MAX_COLUMN);
  }
}
