package org.epicommand.quarantine.internal;

import java.time.LocalDate;
import java.util.List;
import org.epicommand.quarantine.OrderState;
import org.epicommand.quarantine.WorkItem;
import org.epicommand.quarantine.WorkList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The work-list queries; each is served by a partial index of the quarantine migrations. */
@Repository
public class WorkListStore {

  private static final String OPEN = "o.state in ('PENDING_TRANSFER', 'ACTIVE')";

  private final JdbcClient jdbc;

  WorkListStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static String from(WorkList list) {
    return switch (list) {
      case TESTS_DUE_TODAY -> """
          from quarantine_test t join quarantine_order o on o.id = t.order_id
          where t.status = 'SCHEDULED' and t.test_date = :today and %s and %s""";
      case RELEASES_DUE -> "from quarantine_order o where o.planned_end_date <= :today and %s and %s";
      case MISSED_CHECKS -> """
          from quarantine_alert a join quarantine_order o on o.id = a.order_id
          where a.kind = 'MISSED_CHECK' and a.state <> 'RESOLVED' and %s and %s""";
      case OPEN_ALERTS -> """
          from quarantine_alert a join quarantine_order o on o.id = a.order_id
          where a.state <> 'RESOLVED' and %s and %s""";
      case AWAITING_TRANSFER -> "from quarantine_order o where o.state = 'PENDING_TRANSFER' and %s and %s";
    };
  }

  private static String select(WorkList list) {
    return switch (list) {
      case TESTS_DUE_TODAY -> "t.test_date, case when t.extra then t.note else 'D' || t.day end";
      case RELEASES_DUE -> "o.planned_end_date, o.reason";
      case MISSED_CHECKS, OPEN_ALERTS ->
          "(a.raised_at at time zone :zone)::date, a.kind || ' ' || coalesce(a.detail, '')";
      case AWAITING_TRANSFER -> "o.anchor_date, o.reason";
    };
  }

  public long count(WorkList list, OrderReach reach, LocalDate today, int cap) {
    String sql = "select count(*) from (select 1 " + from(list).formatted(OPEN, reach.orders("o"))
        + " limit :cap) c";
    return reach.bind(jdbc.sql(sql)).param("today", today).param("cap", cap + 1).query(Long.class).single();
  }

  /** A page of the list; dates of alerts are days in the city's {@code zone}. */
  public List<WorkItem> items(WorkList list, OrderReach reach, LocalDate today, String zone, long offset,
      int limit) {
    String sql = "select o.id, o.person_name, o.jurisdiction_code, o.state, " + select(list) + ", o.person_id "
        + from(list).formatted(OPEN, reach.orders("o"))
        + " order by 5, o.jurisdiction_path, o.person_name offset :offset limit :limit";
    return reach.bind(jdbc.sql(sql)).param("today", today).param("zone", zone).param("offset", offset)
        .param("limit", limit)
        .query((rs, n) -> new WorkItem(rs.getString(1), rs.getString(2), rs.getString(3),
            OrderState.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7)))
        .list();
  }
}
