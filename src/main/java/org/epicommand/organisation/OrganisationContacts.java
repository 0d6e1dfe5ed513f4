package org.epicommand.organisation;

import java.time.Clock;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.organisation.internal.ContactBindings;
import org.epicommand.organisation.internal.OrganisationBook;
import org.epicommand.shared.EntityBindings;
import org.epicommand.shared.EntityStaff;
import org.springframework.stereotype.Service;

/**
 * Who speaks for an organisation (an entity-bound role, {@link EntityBindings}): administrators bind
 * organisation contacts (UNIT_CONTACT) to one organisation each — a contact bound already elsewhere is
 * 409 — and take them off again (audited on the organisation).
 */
@Service
public class OrganisationContacts extends EntityStaff {

  private final Organisations organisations;
  private final UserAdministration users;
  private final AuditTrail audit;

  OrganisationContacts(ContactBindings bindings, Organisations organisations, UserAdministration users,
      CurrentUser currentUser, AuditTrail audit, Clock clock) {
    super(bindings.table(), "organisation.contact", "ORGANISATION_CONTACT", clock, () -> currentUser.get().username());
    this.organisations = organisations;
    this.users = users;
    this.audit = audit;
  }

  /** The organisation's credit code (by id or code), inside the caller's jurisdiction (404 otherwise). */
  @Override
  protected String entity(String key) {
    return organisations.get(key).creditCode();
  }

  @Override
  protected boolean mayHold(String username) {
    return users.findByUsername(username).filter(u -> u.roles().contains(Role.UNIT_CONTACT)).isPresent();
  }

  @Override
  protected void audit(String key, String code, String detail) {
    audit.record(AuditAction.UPDATE, OrganisationBook.SUBJECT,
        organisations.findForPlatform(code).map(OrganisationSnapshot::id).orElse(code), detail);
  }
}
