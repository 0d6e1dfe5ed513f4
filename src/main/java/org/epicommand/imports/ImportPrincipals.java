package org.epicommand.imports;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * Rebuilds the authentication of the user who started an import, so that a job interrupted by a
 * crash resumes with that user's rights and jurisdiction. Provided by the account module.
 */
public interface ImportPrincipals {

  Optional<Authentication> authenticationOf(String username);

  /** Runs {@code work} as {@code username} (nothing when there is no such user), e.g. demo seeding at start-up. */
  default void runAs(String username, Runnable work) {
    authenticationOf(username).ifPresent(authentication -> {
      org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(authentication);
      try {
        work.run();
      } finally {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
      }
    });
  }
}
