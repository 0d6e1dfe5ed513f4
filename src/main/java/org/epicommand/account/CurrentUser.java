package org.epicommand.account;

import java.time.Clock;
import java.util.Optional;
import org.epicommand.account.internal.AccountUser;
import org.epicommand.account.internal.PasswordPolicy;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Who is calling. Every scoped query takes its {@link UserContext#scope()} from here. */
@Service
public class CurrentUser {

  private final PasswordPolicy policy;
  private final Clock clock;

  CurrentUser(PasswordPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  public UserContext get() {
    return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no user signed in"));
  }

  public Optional<UserContext> find() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof AccountUser user) {
      return Optional.of(user.context());
    }
    return Optional.empty();
  }

  /** Whether the signed-in user must change their password (set by an administrator, or expired) before anything else.
   * */
  public boolean passwordChangeRequired() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof AccountUser user
        && user.passwordChangeRequired(clock.instant(), policy.expiry());
  }
}
