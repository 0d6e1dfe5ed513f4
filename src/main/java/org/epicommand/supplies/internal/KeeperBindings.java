package org.epicommand.supplies.internal;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.epicommand.account.Permission;
import org.epicommand.account.Role;
import org.epicommand.account.UserContext;
import org.epicommand.shared.EntityBindings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code supply_warehouse_keeper} table: the keepers (WAREHOUSE_OPERATOR) bound to a warehouse. A
 * keeper works only in their warehouses; outside them the answer is 404.
 */
@Repository
public class KeeperBindings {

  private final EntityBindings bindings;

  KeeperBindings(JdbcClient jdbc) {
    this.bindings = new EntityBindings(jdbc, new EntityBindings.Table("supply_warehouse_keeper", "warehouse_code"));
  }

  public EntityBindings table() {
    return bindings;
  }

  /**
   * The warehouses a user is limited to: their bound ones when the keeper role is all that gives them
   * supplies access, empty (no limit beyond the jurisdiction) for the supplies group and commanders.
   */
  public Optional<Set<String>> warehousesOf(UserContext user) {
    boolean bound = user.hasRole(Role.WAREHOUSE_OPERATOR) && user.roles().stream()
        .filter(role -> role.permissions().contains(Permission.SUPPLIES_READ)
            || role.permissions().contains(Permission.SUPPLIES_MANAGE))
        .allMatch(role -> role == Role.WAREHOUSE_OPERATOR);
    return bound ? Optional.of(new HashSet<>(bindings.entitiesOf(user.username()))) : Optional.empty();
  }
}
