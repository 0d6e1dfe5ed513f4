package org.epicommand.treatment;

import java.time.Clock;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.EntityBindings;
import org.epicommand.shared.EntityStaff;
import org.epicommand.treatment.internal.HospitalBindings;
import org.springframework.stereotype.Service;

/**
 * Who keeps a hospital's beds and admissions (an entity-bound role, {@link EntityBindings}):
 * administrators bind hospital operators to hospitals by code and take them off again (audited on
 * the hospital). A bound operator sees only their hospitals.
 */
@Service
public class HospitalStaff extends EntityStaff {

  private final Hospitals hospitals;
  private final UserAdministration users;
  private final AuditTrail audit;

  HospitalStaff(HospitalBindings bindings, Hospitals hospitals, UserAdministration users, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    super(bindings.table(), "treatment.staff", "HOSPITAL_STAFF", clock, () -> currentUser.get().username());
    this.hospitals = hospitals;
    this.users = users;
    this.audit = audit;
  }

  @Override
  protected String entity(String code) {
    return hospitals.visible(code).code();
  }

  @Override
  protected boolean mayHold(String username) {
    return users.findByUsername(username).filter(u -> u.roles().contains(Role.HOSPITAL_OPERATOR)).isPresent();
  }

  @Override
  protected void audit(String key, String code, String detail) {
    audit.record(AuditAction.UPDATE, Hospitals.SUBJECT, code, detail);
  }
}
