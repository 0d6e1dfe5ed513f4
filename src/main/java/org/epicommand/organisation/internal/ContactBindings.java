package org.epicommand.organisation.internal;

import java.util.List;
import java.util.Optional;
import org.epicommand.account.Permission;
import org.epicommand.account.Role;
import org.epicommand.account.UserContext;
import org.epicommand.shared.EntityBindings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code organisation_contact} table: each organisation contact (UNIT_CONTACT) bound to one
 * organisation by its credit code. A contact's work is that organisation and nothing else.
 */
@Repository
public class ContactBindings {

  static final EntityBindings.Table TABLE = new EntityBindings.Table("organisation_contact", "credit_code");

  private final EntityBindings bindings;

  ContactBindings(JdbcClient jdbc) {
    this.bindings = new EntityBindings(jdbc, TABLE);
  }

  public EntityBindings table() {
    return bindings;
  }

  /**
   * Whether the user's view of organisations is bound to one (an entity-bound role): each role of theirs
   * that reads organisations is UNIT_CONTACT.
   */
  public static boolean bound(UserContext user) {
    return user.hasRole(Role.UNIT_CONTACT) && user.roles().stream()
        .filter(role -> role.permissions().contains(Permission.ORGANISATION_READ))
        .allMatch(role -> role == Role.UNIT_CONTACT);
  }

  /** The credit code of the organisation the user is bound to. */
  public Optional<String> organisationOf(String username) {
    return bindings.entitiesOf(username).stream().findFirst();
  }

  public List<String> contactsOf(String creditCode) {
    return bindings.of(creditCode).stream().map(EntityBindings.Binding::username).toList();
  }

  /** {@link #contactsOf(String)} of many organisations in one query, by credit code (none bound: absent). */
  public java.util.Map<String, List<String>> contactsOf(java.util.Collection<String> creditCodes) {
    return bindings.usernamesOf(creditCodes);
  }
}
