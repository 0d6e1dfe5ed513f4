package org.epicommand.labtest.internal;

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
 * The {@code labtest_lab_staff} table: the lab operators bound to a lab (by its code). A lab operator
 * is an entity-bound role: their results land only for their labs.
 */
@Repository
public class LabBindings {

  private final EntityBindings bindings;

  LabBindings(JdbcClient jdbc) {
    this.bindings = new EntityBindings(jdbc, new EntityBindings.Table("labtest_lab_staff", "lab_code"));
  }

  /** Who is bound to which lab. */
  public EntityBindings table() {
    return bindings;
  }

  /** The labs a user reports for; empty when their role is not bound (a commander reports for any lab). */
  public Optional<Set<String>> labsOf(UserContext user) {
    boolean bound = user.hasRole(Role.LAB_OPERATOR) && user.roles().stream()
        .filter(role -> role.permissions().contains(Permission.LAB_RESULT_WRITE))
        .allMatch(role -> role == Role.LAB_OPERATOR);
    return bound ? Optional.of(new HashSet<>(bindings.entitiesOf(user.username()))) : Optional.empty();
  }
}
