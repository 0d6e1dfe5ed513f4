package org.epicommand.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.epicommand.account.internal.AccountSessions;
import org.epicommand.account.internal.AccountUser;
import org.epicommand.account.internal.CachingAuthenticationProvider;
import org.epicommand.account.internal.LoginThrottle;
import org.epicommand.account.internal.PasswordPolicy;
import org.epicommand.account.internal.UserAccess;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in user changes their own password: the current one proves it is them (a wrong one
 * counts as a failed login), the new one follows the policy. Their other sessions end; the one they
 * changed it in goes on.
 */
@Service
public class OwnPassword {

  private final AccountSessions sessions;
  private final UserAccess users;
  private final PasswordPolicy policy;
  private final PasswordEncoder passwords;
  private final LoginThrottle throttle;
  private final CachingAuthenticationProvider logins;
  private final AuditTrail audit;
  private final Clock clock;

  OwnPassword(AccountSessions sessions, UserAccess users, PasswordPolicy policy, PasswordEncoder passwords,
      LoginThrottle throttle, CachingAuthenticationProvider logins, AuditTrail audit, Clock clock) {
    this.sessions = sessions;
    this.users = users;
    this.policy = policy;
    this.passwords = passwords;
    this.throttle = throttle;
    this.logins = logins;
    this.audit = audit;
    this.clock = clock;
  }

  /** The rule a new password follows, as the arguments of {@code error.user.passwordPolicy}. */
  public Object[] policy() {
    return policy.describeArgs();
  }

  @Transactional(noRollbackFor = ValidationFailure.class)
  public void change(String currentPassword, String newPassword) {
    AccountUser me = sessions.principal();
    String address = remoteAddress();
    LoginThrottle.Wait wait = throttle.wait(me.getUsername(), address);
    if (wait.any()) {
      throw new ValidationFailure(FieldProblem.of("currentPassword", "user.passwordThrottled", wait.seconds()));
    }
    String hash = users.passwordHash(me.getUsername()).orElse(null);
    if (currentPassword == null || hash == null || !passwords.matches(currentPassword, hash)) {
      throttle.failed(me.getUsername(), address);
      audit.record(AuditAction.LOGIN_FAILED, "USER", me.id().toString(), "wrong current password (own password)");
      throw new ValidationFailure(FieldProblem.of("currentPassword", "user.currentPassword"));
    }
    List<FieldProblem> problems = new ArrayList<>(policy.check("newPassword", newPassword, me.id()));
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    long stamp = users.setPassword(me.id(), passwords.encode(newPassword), false, clock.instant());
    logins.forget(me.getUsername());
    sessions.renew(me, stamp);
    audit.record(AuditAction.UPDATE, "USER", me.id().toString(), "username=" + me.getUsername()
        + " password changed by the user");
  }

  private static String remoteAddress() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? attributes.getRequest().getRemoteAddr() : null;
  }
}
