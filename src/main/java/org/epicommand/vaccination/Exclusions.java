package org.epicommand.vaccination;

import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.StateFilter;
import org.epicommand.vaccination.internal.ExclusionBook;
import org.epicommand.vaccination.internal.ExclusionStore;
import org.springframework.stereotype.Service;

/**
 * Contraindications, refusals and the other documented reasons not to vaccinate a person (now), for
 * persons inside the caller's jurisdiction. Recording one closes, defers or sends to a home visit the
 * person's door-to-door item; lifting it (ACTIVE → LIFTED, else 409 naming LIFTED) opens the item again.
 */
@Service
public class Exclusions {

  private final ExclusionBook book;
  private final ExclusionStore store;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;

  Exclusions(ExclusionBook book, ExclusionStore store, Jurisdictions jurisdictions, CurrentUser currentUser) {
    this.book = book;
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
  }

  /** Exclusions inside the caller's jurisdiction (or a part of it), latest first; {@code state}: ACTIVE (default),
   * LIFTED or ALL. */
  public PageResult<Exclusion> list(String state, String jurisdiction, Paging paging) {
    var scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    ExclusionState filter = StateFilter.parse(state, ExclusionState.class, ExclusionState.ACTIVE);
    return paging.toResult(store.list(scope, filter, paging.offset(), paging.fetchSize()), null);
  }

  public Exclusion record(NewExclusion exclusion) {
    return book.record(exclusion);
  }

  public Exclusion lift(UUID id) {
    return book.lift(id);
  }
}
