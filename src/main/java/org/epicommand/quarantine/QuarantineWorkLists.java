package org.epicommand.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.epicommand.quarantine.internal.OrderReach;
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
  private final SiteStaff staff;
  private final Clock clock;

  QuarantineWorkLists(WorkListStore store, SiteStaff staff, Clock clock) {
    this.store = store;
    this.staff = staff;
    this.clock = clock;
  }

  /** How many items each list has (capped at {@link #COUNT_CAP} + 1). */
  public Map<WorkList, Long> counts() {
    OrderReach reach = staff.reach();
    LocalDate today = LocalDate.now(clock);
    Map<WorkList, Long> counts = new EnumMap<>(WorkList.class);
    for (WorkList list : WorkList.values()) {
      counts.put(list, store.count(list, reach, today, COUNT_CAP));
    }
    return counts;
  }

  public PageResult<WorkItem> items(WorkList list, Paging paging) {
    List<WorkItem> rows = store.items(list, staff.reach(), LocalDate.now(clock), clock.getZone().getId(),
        paging.offset(), paging.fetchSize());
    return paging.toResult(rows, null);
  }
}
