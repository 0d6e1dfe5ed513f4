package org.epicommand.quarantine;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.quarantine.internal.OrderReach;
import org.epicommand.quarantine.internal.SiteBindings;
import org.epicommand.quarantine.internal.SiteStore;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.EntityBindings;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works at a site (an entity-bound role, {@link EntityBindings}): administrators bind site managers
 * to sites and take them off again (audited on the site). A site manager's quarantine work is bound:
 * the orders and stays of their sites, and placing persons who wait for a room there — nothing else,
 * wherever their home jurisdiction lies.
 */
@Service
public class SiteStaff {

  private final SiteBindings bindings;
  private final SiteStore sites;
  private final UserAdministration users;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  SiteStaff(SiteBindings bindings, SiteStore sites, UserAdministration users, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    this.bindings = bindings;
    this.sites = sites;
    this.users = users;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether the user's quarantine work is bound to sites: each role of theirs that reads quarantine data is SITE_MANAGER. */
  static boolean bound(UserContext user) {
    return user.hasRole(Role.SITE_MANAGER) && user.roles().stream()
        .filter(role -> role.permissions().contains(Permission.QUARANTINE_READ))
        .allMatch(role -> role == Role.SITE_MANAGER);
  }

  /** The orders the current user works on. */
  OrderReach reach() {
    UserContext user = currentUser.get();
    return new OrderReach(user.scope(), bound(user) ? user.username() : null);
  }

  /** Whether the current user may work at this site: always, unless their role is bound to other sites. */
  public boolean worksAt(UUID siteId) {
    UserContext user = currentUser.get();
    return !bound(user) || bindings.worksAt(siteId, user.username());
  }

  /** The users bound to a site inside the caller's jurisdiction (404 otherwise). */
  public List<EntityBindings.Binding> staff(UUID siteId) {
    return bindings.of(site(siteId));
  }

  /** Binds a site manager to a site: 400 when the user is unknown or no site manager, 409 when bound already. */
  @Transactional
  public EntityBindings.Binding bind(UUID siteId, String username) {
    String code = site(siteId);
    String name = username == null ? "" : username.strip();
    if (users.findByUsername(name).filter(u -> u.roles().contains(Role.SITE_MANAGER)).isEmpty()) {
      throw new ValidationFailure(FieldProblem.of("username", "quarantine.staff.notSiteManager"));
    }
    if (!bindings.bind(code, name, currentUser.get().username(), clock.instant())) {
      throw Conflict.duplicate("quarantine.staff.bound", name);
    }
    audit.record(AuditAction.UPDATE, QuarantineSites.SUBJECT, siteId.toString(), "bound " + name);
    return bindings.of(code).stream().filter(b -> b.username().equals(name)).findFirst().orElseThrow();
  }

  /** Takes a site away from a user; 404 when they were not bound to it. */
  @Transactional
  public void unbind(UUID siteId, String username) {
    if (!bindings.unbind(site(siteId), username)) {
      throw new RecordNotFound("SITE_STAFF");
    }
    audit.record(AuditAction.UPDATE, QuarantineSites.SUBJECT, siteId.toString(), "unbound " + username);
  }

  /** The code of a site inside the caller's jurisdiction; 404 otherwise. */
  private String site(UUID siteId) {
    return sites.codeOf(siteId, currentUser.get().scope()).orElseThrow(() -> new RecordNotFound(QuarantineSites.SUBJECT));
  }
}
