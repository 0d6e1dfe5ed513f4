package org.epicommand.labtest;

import java.time.Clock;
import java.util.List;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.labtest.internal.LabBindings;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.EntityBindings;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who reports for a lab (an entity-bound role, {@link EntityBindings}): administrators bind lab
 * operators to labs and take them off again (audited on the lab). A lab operator's results — the
 * {@code results} import and FHIR Observations — land only for their labs (a row error, an
 * OperationOutcome {@code forbidden} otherwise).
 */
@Service
public class LabStaff {

  /** The audit subject of a lab (as its master data). */
  static final String SUBJECT = "LABORATORY";

  private final LabBindings bindings;
  private final Laboratories labs;
  private final UserAdministration users;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  LabStaff(LabBindings bindings, Laboratories labs, UserAdministration users, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    this.bindings = bindings;
    this.labs = labs;
    this.users = users;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** The users bound to a lab (404 for an unknown lab or one outside the caller's jurisdiction). */
  public List<EntityBindings.Binding> staff(String labCode) {
    return bindings.of(lab(labCode));
  }

  /** Binds a lab operator to a lab: 400 when the user is no lab operator, 409 when bound already. */
  @Transactional
  public EntityBindings.Binding bind(String labCode, String username) {
    String code = lab(labCode);
    String name = username == null ? "" : username.strip();
    if (users.findByUsername(name).filter(u -> u.roles().contains(Role.LAB_OPERATOR)).isEmpty()) {
      throw new ValidationFailure(FieldProblem.of("username", "labtest.staff.notLabOperator"));
    }
    if (!bindings.bind(code, name, currentUser.get().username(), clock.instant())) {
      throw Conflict.duplicate("labtest.staff.bound", name);
    }
    audit.record(AuditAction.UPDATE, SUBJECT, code, "bound " + name);
    return bindings.of(code).stream().filter(b -> b.username().equals(name)).findFirst().orElseThrow();
  }

  /** Takes a lab away from a user; 404 when they were not bound to it. */
  @Transactional
  public void unbind(String labCode, String username) {
    String code = lab(labCode);
    if (!bindings.unbind(code, username)) {
      throw new RecordNotFound("LAB_STAFF");
    }
    audit.record(AuditAction.UPDATE, SUBJECT, code, "unbound " + username);
  }

  private String lab(String code) {
    return labs.get(code).code();
  }
}
