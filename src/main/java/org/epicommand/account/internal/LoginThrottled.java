package org.epicommand.account.internal;

import org.springframework.security.core.AuthenticationException;

/**
 * A login refused without checking the password: the username is blocked for this client address,
 * or the address must wait. Answered 429 with Retry-After by the API and with a message on the
 * login page — the same whether the account exists or not.
 */
class LoginThrottled extends AuthenticationException {

  private final long retryAfterSeconds;

  LoginThrottled(long retryAfterSeconds) {
    super("too many failed logins; retry after " + retryAfterSeconds + " s");
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
