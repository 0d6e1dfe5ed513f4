package org.epicommand.enterprise;

import java.time.Clock;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.enterprise.internal.Reaches;
import org.epicommand.organisation.Sector;
import org.epicommand.shared.EntityStaff;
import org.epicommand.shared.RecordNotFound;
import org.springframework.stereotype.Service;

/**
 * Who reviews a sector's applications (an entity-bound role keyed by the sector): administrators bind
 * sector departments' reviewers (SECTOR_REVIEWER) to the sectors they review and take them off again.
 */
@Service
public class SectorReviewers extends EntityStaff {

  private final UserAdministration users;
  private final AuditTrail audit;

  SectorReviewers(Reaches reaches, UserAdministration users, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    super(reaches.reviewers(), "resumption.reviewer", "SECTOR_REVIEWER", clock, () -> currentUser.get().username());
    this.users = users;
    this.audit = audit;
  }

  /** The sector by its name (404 for none). */
  @Override
  protected String entity(String key) {
    Sector sector = Sector.parse(key);
    if (sector == null) {
      throw new RecordNotFound("sector");
    }
    return sector.name();
  }

  @Override
  protected boolean mayHold(String username) {
    return users.findByUsername(username).filter(u -> u.roles().contains(Role.SECTOR_REVIEWER)).isPresent();
  }

  @Override
  protected void audit(String key, String code, String detail) {
    audit.record(AuditAction.UPDATE, "SECTOR", code, detail);
  }
}
