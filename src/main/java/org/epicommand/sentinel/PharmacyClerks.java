package org.epicommand.sentinel;

import java.time.Clock;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.sentinel.internal.ClerkBindings;
import org.epicommand.shared.EntityStaff;
import org.springframework.stereotype.Service;

/**
 * Who registers purchases at a pharmacy (an entity-bound role): administrators bind pharmacy clerks
 * (PHARMACY_CLERK) to pharmacies by credit code and take them off again (audited on the pharmacy).
 */
@Service
public class PharmacyClerks extends EntityStaff {

  private final Pharmacies pharmacies;
  private final UserAdministration users;
  private final AuditTrail audit;

  PharmacyClerks(ClerkBindings bindings, Pharmacies pharmacies, UserAdministration users, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    super(bindings.table(), "sentinel.clerk", "SENTINEL_PHARMACY", clock, () -> currentUser.get().username());
    this.pharmacies = pharmacies;
    this.users = users;
    this.audit = audit;
  }

  /** The pharmacy's credit code, inside the administrator's jurisdiction (404 otherwise). */
  @Override
  protected String entity(String key) {
    return pharmacies.get(key).creditCode();
  }

  @Override
  protected boolean mayHold(String username) {
    return users.findByUsername(username).filter(u -> u.roles().contains(Role.PHARMACY_CLERK)).isPresent();
  }

  @Override
  protected void audit(String key, String code, String detail) {
    audit.record(AuditAction.UPDATE, Pharmacies.SUBJECT, code, detail);
  }
}
