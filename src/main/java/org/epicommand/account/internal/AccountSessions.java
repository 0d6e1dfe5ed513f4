package org.epicommand.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Whether a signed-in principal still stands: its account enabled, its security stamp the one in the
 * database (one primary-key lookup, so a change made through any instance counts) and its
 * temporary roles not ended. A session that no longer stands is ended and audited.
 */
@Component
public class AccountSessions {

  private final UserAccess users;
  private final AuditTrail audit;
  private final Clock clock;

  AccountSessions(UserAccess users, AuditTrail audit, Clock clock) {
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  /** The signed-in account. */
  public AccountUser principal() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof AccountUser user) {
      return user;
    }
    throw new AuthenticationCredentialsNotFoundException("no user signed in");
  }

  /** Whether the principal still matches its account. */
  boolean current(AccountUser user) {
    Instant now = clock.instant();
    return (user.validUntil() == null || now.isBefore(user.validUntil()))
        && users.stamp(user.id()).filter(stamp -> stamp == user.stamp()).isPresent();
  }

  /** Ends the request's session of a principal that no longer stands, and says so in the audit trail. */
  void end(HttpServletRequest request, AccountUser user) {
    audit.recordAs(user.getUsername(), AuditAction.LOGOUT, "USER", user.id().toString(),
        "session ended: the account or its temporary role changed");
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
  }

  /** The signed-in user changed their own password: their session goes on under the new stamp. */
  public void renew(AccountUser me, long stamp) {
    AccountUser renewed = me.withNewPassword(stamp, clock.instant());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(renewed, null,
        renewed.getAuthorities()));
    SecurityContextHolder.setContext(context);
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        && attributes.getRequest().getSession(false) != null) {
      new HttpSessionSecurityContextRepository().saveContext(context, attributes.getRequest(),
          attributes.getResponse());
    }
  }
}
