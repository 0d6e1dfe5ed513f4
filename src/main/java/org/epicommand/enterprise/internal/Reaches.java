package org.epicommand.enterprise.internal;

import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.Role;
import org.epicommand.account.UserContext;
import org.epicommand.organisation.Organisations;
import org.epicommand.shared.EntityBindings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The caller's {@link Reach}, and the {@code resumption_sector_reviewer} table: a sector department's
 * reviewer (SECTOR_REVIEWER, an entity-bound role) is bound to the sectors they review.
 */
@Component
public class Reaches {

  static final EntityBindings.Table REVIEWERS = new EntityBindings.Table("resumption_sector_reviewer", "sector");

  private final Organisations organisations;
  private final CurrentUser currentUser;
  private final EntityBindings reviewers;

  Reaches(Organisations organisations, CurrentUser currentUser, JdbcClient jdbc) {
    this.organisations = organisations;
    this.currentUser = currentUser;
    this.reviewers = new EntityBindings(jdbc, REVIEWERS);
  }

  public Reach current() {
    return of(currentUser.get());
  }

  public Reach of(UserContext user) {
    return new Reach(organisations.scopeOf(user), sectorBound(user) ? reviewers.entitiesOf(user.username()) : null);
  }

  /** Who reviews which sector. */
  public EntityBindings reviewers() {
    return reviewers;
  }

  /** Whether the user's reopening work is bound to sectors: each role of theirs that reads it is SECTOR_REVIEWER. */
  static boolean sectorBound(UserContext user) {
    return user.hasRole(Role.SECTOR_REVIEWER) && user.roles().stream()
        .filter(role -> role.permissions().contains(Permission.RESUMPTION_READ))
        .allMatch(role -> role == Role.SECTOR_REVIEWER);
  }
}
