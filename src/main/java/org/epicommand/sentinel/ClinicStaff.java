package org.epicommand.sentinel;

import java.time.Clock;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.sentinel.internal.ClinicBindings;
import org.epicommand.shared.EntityStaff;
import org.springframework.stereotype.Service;

/** Who keeps a clinic's patient register (an entity-bound role): administrators bind CLINIC_STAFF to clinics. */
@Service
public class ClinicStaff extends EntityStaff {

  private final Clinics clinics;
  private final UserAdministration users;
  private final AuditTrail audit;

  ClinicStaff(ClinicBindings bindings, Clinics clinics, UserAdministration users, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    super(bindings.table(), "sentinel.clinicStaff", Clinics.SUBJECT, clock, () -> currentUser.get().username());
    this.clinics = clinics;
    this.users = users;
    this.audit = audit;
  }

  @Override
  protected String entity(String key) {
    return clinics.get(key).creditCode();
  }

  @Override
  protected boolean mayHold(String username) {
    return users.findByUsername(username).filter(u -> u.roles().contains(Role.CLINIC_STAFF)).isPresent();
  }

  @Override
  protected void audit(String key, String code, String detail) {
    audit.record(AuditAction.UPDATE, Clinics.SUBJECT, code, detail);
  }
}
