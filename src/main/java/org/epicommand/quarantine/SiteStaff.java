package org.epicommand.quarantine;

import java.time.Clock;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.quarantine.internal.OrderReach;
import org.epicommand.quarantine.internal.SiteBindings;
import org.epicommand.quarantine.internal.SiteStore;
import org.epicommand.shared.EntityBindings;
import org.epicommand.shared.EntityStaff;
import org.epicommand.shared.RecordNotFound;
import org.springframework.stereotype.Service;

/**
 * Who works at a site (an entity-bound role, {@link EntityBindings}): administrators bind site managers
 * to sites by the site's id and take them off again (audited on the site). A site manager's quarantine
 * work is bound: the orders and stays of their sites, and placing persons who wait for a room there —
 * nothing else, wherever their home jurisdiction lies.
 */
@Service
public class SiteStaff extends EntityStaff {

  private final SiteBindings bindings;
  private final SiteStore sites;
  private final UserAdministration users;
  private final CurrentUser currentUser;
  private final AuditTrail audit;

  SiteStaff(SiteBindings bindings, SiteStore sites, UserAdministration users, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    super(bindings.table(), "quarantine.staff", "SITE_STAFF", clock, () -> currentUser.get().username());
    this.bindings = bindings;
    this.sites = sites;
    this.users = users;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  /** The orders the current user works on. */
  OrderReach reach() {
    return SiteBindings.reachOf(currentUser.get());
  }

  /** Whether the current user may work at this site: always, unless their role is bound to other sites. */
  public boolean worksAt(UUID siteId) {
    UserContext user = currentUser.get();
    return !SiteBindings.bound(user) || bindings.worksAt(siteId, user.username());
  }

  /** The code of a site (by its id) inside the caller's jurisdiction; 404 otherwise. */
  @Override
  protected String entity(String siteId) {
    UUID id;
    try {
      id = UUID.fromString(siteId);
    } catch (IllegalArgumentException e) {
      throw new RecordNotFound(QuarantineSites.SUBJECT);
    }
    return sites.codeOf(id, currentUser.get().scope()).orElseThrow(() -> new RecordNotFound(QuarantineSites.SUBJECT));
  }

  @Override
  protected boolean mayHold(String username) {
    return users.findByUsername(username).filter(u -> u.roles().contains(Role.SITE_MANAGER)).isPresent();
  }

  @Override
  protected void audit(String siteId, String code, String detail) {
    audit.record(AuditAction.UPDATE, QuarantineSites.SUBJECT, siteId, detail);
  }
}
