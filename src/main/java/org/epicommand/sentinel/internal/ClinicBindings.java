package org.epicommand.sentinel.internal;

import java.util.Optional;
import org.epicommand.account.Permission;
import org.epicommand.account.Role;
import org.epicommand.account.UserContext;
import org.epicommand.shared.EntityBindings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code sentinel_clinic_staff} table: clinic staff (CLINIC_STAFF) bound to clinics by credit code. */
@Repository
public class ClinicBindings {

  private final EntityBindings bindings;

  ClinicBindings(JdbcClient jdbc) {
    this.bindings = new EntityBindings(jdbc, new EntityBindings.Table("sentinel_clinic_staff", "credit_code"));
  }

  public EntityBindings table() {
    return bindings;
  }

  /** The clinic a bound staff member works at; empty for everyone else (they reach their jurisdiction). */
  public Optional<String> clinicOf(UserContext user) {
    boolean bound = user.hasRole(Role.CLINIC_STAFF) && user.roles().stream()
        .filter(role -> role.permissions().contains(Permission.CLINIC_REGISTER))
        .allMatch(role -> role == Role.CLINIC_STAFF);
    return bound ? Optional.of(bindings.entitiesOf(user.username()).stream().findFirst().orElse("")) : Optional.empty();
  }
}
