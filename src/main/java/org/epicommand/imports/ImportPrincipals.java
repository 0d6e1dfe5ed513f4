package org.epicommand.imports;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * Rebuilds the authentication of the user who started an import, so that a job interrupted by a
 * crash resumes with that user's rights and jurisdiction. Provided by the account module.
 */
public interface ImportPrincipals {

  Optional<Authentication> authenticationOf(String username);
}
