package org.epicommand.account.internal;

import java.time.Clock;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account for 15 minutes after 5 wrong passwords in a row (pages and API alike). The count
 * is reset by a successful password check (see CachingAuthenticationProvider), not by every request.
 */
@Component
class LoginAttempts {

  private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

  private final UserAccess users;
  private final AccountProperties properties;
  private final AuditTrail audit;
  private final Clock clock;
  private final CachingAuthenticationProvider logins;

  LoginAttempts(UserAccess users, AccountProperties properties, AuditTrail audit, Clock clock,
      CachingAuthenticationProvider logins) {
    this.logins = logins;
    this.users = users;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  @EventListener
  @Transactional
  void failed(AuthenticationFailureBadCredentialsEvent event) {
    String username = event.getAuthentication().getName();
    if (username == null || username.isBlank()) {
      return;
    }
    boolean locked = users.recordFailure(username, properties.maxFailedLogins(),
        clock.instant().plus(properties.lockout()));
    if (locked) {
      logins.forget(username);
      log.warn("Account {} locked for {} after {} failed logins", username, properties.lockout(),
          properties.maxFailedLogins());
      audit.record(AuditAction.LOGIN_LOCKED, "USER", username, "locked after repeated failed logins");
    }
  }
}
