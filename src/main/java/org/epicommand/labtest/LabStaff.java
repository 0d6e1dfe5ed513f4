package org.epicommand.labtest;

import java.time.Clock;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.labtest.internal.LabBindings;
import org.epicommand.shared.EntityBindings;
import org.epicommand.shared.EntityStaff;
import org.springframework.stereotype.Service;

/**
 * Who reports for a lab (an entity-bound role, {@link EntityBindings}): administrators bind lab
 * operators to labs by the lab's code and take them off again (audited on the lab). A lab operator's
 * results — the {@code results} import and FHIR Observations — land only for their labs (a row error,
 * an OperationOutcome {@code forbidden} otherwise).
 */
@Service
public class LabStaff extends EntityStaff {

  /** The audit subject of a lab (as its master data). */
  static final String SUBJECT = "LABORATORY";

  private final Laboratories labs;
  private final UserAdministration users;
  private final AuditTrail audit;

  LabStaff(LabBindings bindings, Laboratories labs, UserAdministration users, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    super(bindings.table(), "labtest.staff", "LAB_STAFF", clock, () -> currentUser.get().username());
    this.labs = labs;
    this.users = users;
    this.audit = audit;
  }

  /** The lab's code, inside the caller's jurisdiction (404 otherwise). */
  @Override
  protected String entity(String code) {
    return labs.get(code).code();
  }

  @Override
  protected boolean mayHold(String username) {
    return users.findByUsername(username).filter(u -> u.roles().contains(Role.LAB_OPERATOR)).isPresent();
  }

  @Override
  protected void audit(String key, String code, String detail) {
    audit.record(AuditAction.UPDATE, SUBJECT, code, detail);
  }
}
