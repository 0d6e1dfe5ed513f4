package org.epicommand.support;

import java.util.function.Supplier;
import org.epicommand.imports.ImportPrincipals;
import org.springframework.security.core.context.SecurityContextHolder;

/** Calls a module's facade in the test's own thread as a demo user, with the rights that user has over HTTP. */
public final class Acting {

  private Acting() {}

  public static <T> T as(ImportPrincipals principals, String username, Supplier<T> work) {
    SecurityContextHolder.getContext().setAuthentication(principals.authenticationOf(username).orElseThrow());
    try {
      return work.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
