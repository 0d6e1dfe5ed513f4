package org.epicommand.vaccination;

import java.util.UUID;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.vaccination.internal.TargetWork;
import org.springframework.stereotype.Service;

/**
 * The door-to-door target lists (逐人动员、逐人销号) of grid and community workers: who in their area
 * should be vaccinated further by the goal of their age band (Dec 2022: 80+ a first dose, 60–79 a
 * booster), oldest first; what each visit found; and 销号 — an item closes when a dose brings the person
 * to the goal (in the transaction that stores the dose, whether from a site, an import or FHIR) or when a
 * visit or an exclusion documents why not. A person outside the worker's area is 404; a closed item
 * refuses outcomes (409 naming CLOSED).
 */
@Service
public class TargetLists {

  private final TargetWork work;

  TargetLists(TargetWork work) {
    this.work = work;
  }

  /**
   * The caller's list (or a part of their area's, else 404): open items oldest first, or ({@code
   * closed}) the closed ones latest first. A grid's or community's list is generated when first opened.
   */
  public PageResult<TargetItem> mine(String jurisdiction, boolean closed, Paging paging) {
    return work.list(jurisdiction, closed, paging);
  }

  /** What a visit found: keeps the item open in a new state, or closes it (销号). */
  public TargetItem report(UUID personId, VisitReport report) {
    return work.report(personId, report);
  }

  /** Generates (or completes) the lists of the caller's area or a part of it; answers how many persons were added. */
  public int generate(String jurisdiction) {
    return work.generate(jurisdiction);
  }
}
