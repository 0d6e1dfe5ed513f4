package org.epicommand.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.epicommand.account.CurrentUser;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.quarantine.internal.WorkListStore;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.stereotype.Service;

/** Work lists inside the caller's jurisdiction: what is due today and what needs attention. */
@Service
public class QuarantineWorkLists {

  /** Counts stop here; a list shows "more than 10,000" beyond. */
  public static final int COUNT_CAP = 10_000;

  private final WorkListStore store;
  private final CurrentUser currentUser;
  private final Clock clock;

  QuarantineWorkLists(WorkListStore store, CurrentUser currentUser, Clock clock) {
    this.store = store;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** How many items each list has (capped at {@link #COUNT_CAP} + 1). */
  public Map<WorkList, Long> counts() {
    JurisdictionScope scope = currentUser.get().scope();
    LocalDate today = LocalDate.now(clock);
    Map<WorkList, Long> counts = new EnumMap<>(WorkList.class);
    for (WorkList list : WorkList.values()) {
      counts.put(list, store.count(list, scope, today, COUNT_CAP));
    }
    return counts;
  }

  public PageResult<WorkItem> items(WorkList list, Paging paging) {
    List<WorkItem> rows = store.items(list, currentUser.get().scope(), LocalDate.now(clock), clock.getZone().getId(),
        paging.offset(), paging.fetchSize());
    return paging.toResult(rows, null);
  }
}
