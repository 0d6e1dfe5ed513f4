package org.epicommand.supplies;

import java.time.Clock;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.EntityStaff;
import org.epicommand.supplies.internal.KeeperBindings;
import org.springframework.stereotype.Service;

/**
 * Who keeps a warehouse (an entity-bound role): administrators bind warehouse keepers
 * (WAREHOUSE_OPERATOR) to warehouses by code and take them off again (audited on the warehouse). A
 * keeper receives, issues and counts stock only there.
 */
@Service
public class WarehouseKeepers extends EntityStaff {

  private final SupplyCatalog catalog;
  private final UserAdministration users;
  private final AuditTrail audit;

  WarehouseKeepers(KeeperBindings bindings, SupplyCatalog catalog, UserAdministration users, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    super(bindings.table(), "supplies.keeper", "WAREHOUSE_KEEPER", clock, () -> currentUser.get().username());
    this.catalog = catalog;
    this.users = users;
    this.audit = audit;
  }

  @Override
  protected String entity(String code) {
    return catalog.reachable(code).code();
  }

  @Override
  protected boolean mayHold(String username) {
    return users.findByUsername(username).filter(u -> u.roles().contains(Role.WAREHOUSE_OPERATOR)).isPresent();
  }

  @Override
  protected void audit(String key, String code, String detail) {
    audit.record(AuditAction.UPDATE, SupplyCatalog.WAREHOUSE_SUBJECT, code, detail);
  }
}
