package org.epicommand.enterprise.internal;

import java.util.List;
import org.epicommand.organisation.OrganisationSnapshot;
import org.epicommand.organisation.Organisations;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.RecordNotFound;
import org.springframework.stereotype.Component;

/**
 * An organisation this module works on for the caller: inside their reach (404 otherwise: their
 * jurisdiction, their sectors, or their own organisation), and for new work active (409 when retired).
 * Every organisation worked on is ensured in the read model first.
 */
@Component
public class OrganisationAccess {

  /** The state a retired organisation is in, for its 409. */
  public enum Status { RETIRED }

  private final Organisations organisations;
  private final Reaches reaches;
  private final OrgFigures figures;

  OrganisationAccess(Organisations organisations, Reaches reaches, OrgFigures figures) {
    this.organisations = organisations;
    this.reaches = reaches;
    this.figures = figures;
  }

  /** The organisation by id or credit code, inside the caller's reach. */
  public OrganisationSnapshot reachable(String key) {
    OrganisationSnapshot organisation = organisations.snapshot(key);
    if (!reaches.current().contains(organisation.path(), organisation.sector().name())) {
      throw new RecordNotFound("organisation");
    }
    return organisation;
  }

  /** The organisation for new work: reachable and active. */
  public OrganisationSnapshot writable(String key) {
    OrganisationSnapshot organisation = reachable(key);
    if (!organisation.active()) {
      throw Conflict.illegalTransition("resumption.organisationRetired", Status.RETIRED);
    }
    figures.save(List.of(organisation));
    return organisation;
  }
}
