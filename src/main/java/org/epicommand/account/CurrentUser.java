package org.epicommand.account;

import java.util.Optional;
import org.epicommand.account.internal.AccountUser;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Who is calling. Every scoped query takes its {@link UserContext#scope()} from here. */
@Service
public class CurrentUser {

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
}
