package org.epicommand.account;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;

/**
 * A request that the separation of duties forbids (403): a role change by the system administrator,
 * a change of one's own account, an administrator's password reset without the security
 * administrator. Its message key (under {@code error.duty.}) says which rule.
 */
public class DutyViolation extends AccessDeniedException implements MessageSourceResolvable {

  private final String code;

  public DutyViolation(String code) {
    super(code);
    this.code = code;
  }

  @Override
  public String[] getCodes() {
    return new String[] {"error.duty." + code};
  }

  @Override
  public String getDefaultMessage() {
    return null;
  }
}
