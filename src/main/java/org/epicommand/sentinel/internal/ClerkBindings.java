package org.epicommand.sentinel.internal;

import java.util.List;
import org.epicommand.account.Permission;
import org.epicommand.account.Role;
import org.epicommand.account.UserContext;
import org.epicommand.shared.EntityBindings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code sentinel_pharmacy_clerk} table: pharmacy clerks (PHARMACY_CLERK) bound to pharmacies by
 * credit code. A clerk's work is their pharmacy's registrations of the day and nothing else.
 */
@Repository
public class ClerkBindings {

  private final EntityBindings bindings;

  ClerkBindings(JdbcClient jdbc) {
    this.bindings = new EntityBindings(jdbc, new EntityBindings.Table("sentinel_pharmacy_clerk", "credit_code"));
  }

  public EntityBindings table() {
    return bindings;
  }

  /** Whether the user works as a clerk only: each role of theirs that registers purchases is PHARMACY_CLERK. */
  public static boolean bound(UserContext user) {
    return user.hasRole(Role.PHARMACY_CLERK) && user.roles().stream()
        .filter(role -> role.permissions().contains(Permission.PURCHASE_REGISTER))
        .allMatch(role -> role == Role.PHARMACY_CLERK);
  }

  /** The pharmacies (credit codes) the clerk is bound to. */
  public List<String> pharmaciesOf(String username) {
    return bindings.entitiesOf(username);
  }
}
