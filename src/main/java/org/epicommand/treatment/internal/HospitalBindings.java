package org.epicommand.treatment.internal;

import java.util.Optional;
import org.epicommand.account.Permission;
import org.epicommand.account.Role;
import org.epicommand.account.UserContext;
import org.epicommand.shared.EntityBindings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code treatment_hospital_staff} table: hospital operators bound to hospitals (by code). A
 * hospital operator is an entity-bound role: every other hospital does not exist for them.
 */
@Repository
public class HospitalBindings {

  static final EntityBindings.Table TABLE = new EntityBindings.Table("treatment_hospital_staff", "hospital_code");

  private final EntityBindings bindings;

  HospitalBindings(JdbcClient jdbc) {
    this.bindings = new EntityBindings(jdbc, TABLE);
  }

  public EntityBindings table() {
    return bindings;
  }

  /** The user whose bindings limit what they see (a hospital operator and nothing more); empty otherwise. */
  public Optional<String> boundUser(UserContext user) {
    boolean bound = user.hasRole(Role.HOSPITAL_OPERATOR) && user.roles().stream()
        .filter(role -> role.permissions().contains(Permission.TREATMENT_READ))
        .allMatch(role -> role == Role.HOSPITAL_OPERATOR);
    return bound ? Optional.of(user.username()) : Optional.empty();
  }

  public boolean isBound(String username, String hospitalCode) {
    return bindings.entitiesOf(username).contains(hospitalCode);
  }
}
