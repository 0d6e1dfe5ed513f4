package org.epicommand.quarantine.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.OrderState;
import org.epicommand.quarantine.QuarantineOrder;
import org.epicommand.quarantine.QuarantineOrder.PhaseStatus;
import org.epicommand.quarantine.QuarantineOrder.PhaseView;
import org.epicommand.quarantine.QuarantineOrder.TestStatus;
import org.epicommand.quarantine.QuarantineOrder.TestView;
import org.epicommand.quarantine.Regime;
import org.epicommand.quarantine.Schedule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The order, phase and test tables. Every read for a user goes through their {@link OrderReach}. */
@Repository
public class OrderStore {

  /** The order row as filed, before phases and tests are attached. */
  public record Row(UUID id, UUID personId, String personName, UUID householdId, String jurisdictionCode,
      String jurisdictionPath, OrderReason reason, LocalDate anchorDate, String ruleSet, OrderState state,
      LocalDate plannedEndDate, String source, String sourceRef, UUID siteId, UUID roomStayId,
      OffsetDateTime createdAt) {}

  private static final String COLUMNS = """
      o.id, o.person_id, o.person_name, o.household_id, o.jurisdiction_code, o.jurisdiction_path, o.reason,
      o.anchor_date, o.rule_set_code, o.state, o.planned_end_date, o.source, o.source_ref, o.site_id,
      o.room_stay_id, o.created_at""";

  private final JdbcClient jdbc;

  OrderStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Files the order with its schedule; false when the person already has an open order. */
  public boolean insert(Row row, Schedule schedule, String createdBy, Instant now) {
    int inserted = jdbc.sql("""
        insert into quarantine_order (id, person_id, person_name, household_id, jurisdiction_code, jurisdiction_path,
          reason, anchor_date, rule_set_code, state, planned_end_date, source, source_ref, created_by, created_at,
          updated_at)
        values (:id, :personId, :personName, :householdId, :code, :path, :reason, :anchor, :ruleSet, :state, :end,
          :source, :sourceRef, :createdBy, :now, :now)
        on conflict do nothing""")
        .param("id", row.id()).param("personId", row.personId()).param("personName", row.personName())
        .param("householdId", row.householdId()).param("code", row.jurisdictionCode())
        .param("path", row.jurisdictionPath()).param("reason", row.reason().name()).param("anchor", row.anchorDate())
        .param("ruleSet", row.ruleSet()).param("state", row.state().name()).param("end", row.plannedEndDate())
        .param("source", row.source()).param("sourceRef", row.sourceRef()).param("createdBy", createdBy)
        .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).update();
    if (inserted == 0) {
      return false;
    }
    replaceSchedule(row.id(), schedule);
    return true;
  }

  /** Phases and tests anew; tests that already have a result are kept as they are. */
  public void replaceSchedule(UUID orderId, Schedule schedule) {
    jdbc.sql("delete from quarantine_phase where order_id = :id").param("id", orderId).update();
    jdbc.sql("delete from quarantine_test where order_id = :id and status in ('SCHEDULED', 'SKIPPED') and not extra")
        .param("id", orderId).update();
    int seq = 0;
    for (Schedule.Phase phase : schedule.phases()) {
      jdbc.sql("""
          insert into quarantine_phase (order_id, seq, regime, start_date, end_date, status)
          values (:id, :seq, :regime, :start, :end, :status)""")
          .param("id", orderId).param("seq", ++seq).param("regime", phase.regime().name())
          .param("start", phase.startDate()).param("end", phase.endDate())
          .param("status", (phase.skipped() ? PhaseStatus.SKIPPED : PhaseStatus.SCHEDULED).name()).update();
    }
    for (Schedule.Test test : schedule.tests()) {
      jdbc.sql("""
          insert into quarantine_test (id, order_id, day, test_date, dual_reagent, status)
          select :testId, :id, :day, :date, :dual, :status
          where not exists (select 1 from quarantine_test t where t.order_id = :id and t.test_date = :date
                            and not t.extra)""")
          .param("testId", UUID.randomUUID()).param("id", orderId).param("day", test.day())
          .param("date", test.date()).param("dual", test.dualReagent())
          .param("status", (test.skipped() ? TestStatus.SKIPPED : TestStatus.SCHEDULED).name()).update();
    }
  }

  public Optional<Row> find(UUID id, OrderReach reach) {
    return reach.bind(jdbc.sql("select " + COLUMNS + " from quarantine_order o where o.id = :id and "
        + reach.orders("o"))).param("id", id).query(OrderStore::row).optional();
  }

  /** For the platform's own work (events, schedulers, the personal health link). */
  public Optional<Row> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from quarantine_order o where o.id = :id").param("id", id)
        .query(OrderStore::row).optional();
  }

  /** Locks the order row for a state change. */
  public Optional<Row> lock(UUID id, OrderReach reach) {
    return reach.bind(jdbc.sql("select " + COLUMNS + " from quarantine_order o where o.id = :id and "
        + reach.orders("o") + " for update")).param("id", id).query(OrderStore::row).optional();
  }

  /** Which of these persons are under an open order (served by the partial unique index on the person). */
  public java.util.Set<UUID> underOpenOrder(java.util.Collection<UUID> personIds) {
    if (personIds.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(jdbc.sql("select person_id from quarantine_order where person_id = any(:ids)"
            + " and state in ('PENDING_TRANSFER', 'ACTIVE')").param("ids", personIds.toArray(UUID[]::new))
        .query(UUID.class).list());
  }

  public Optional<Row> findOpenByPerson(UUID personId) {
    return jdbc.sql("select " + COLUMNS + " from quarantine_order o where o.person_id = :personId "
        + "and o.state in ('PENDING_TRANSFER', 'ACTIVE')").param("personId", personId).query(OrderStore::row)
            .optional();
  }

  public List<Row> list(OrderReach reach, OrderState state, long offset, int limit) {
    return reach.bind(jdbc.sql("select " + COLUMNS + " from quarantine_order o where "
        + reach.orders("o") + (state == null ? "" : " and o.state = :state")
        + " order by o.jurisdiction_path, o.state, o.created_at desc offset :offset limit :limit"))
        .param("state", state == null ? null : state.name()).param("offset", offset).param("limit", limit)
        .query(OrderStore::row).list();
  }

  public long count(OrderReach reach, OrderState state, int cap) {
    return reach.bind(jdbc.sql("select count(*) from (select 1 from quarantine_order o where "
        + reach.orders("o") + (state == null ? "" : " and o.state = :state")
        + " limit :cap) c")).param("state", state == null ? null : state.name()).param("cap", cap + 1)
        .query(Long.class).single();
  }

  public void updateState(UUID id, OrderState state, Instant now, String note) {
    jdbc.sql("""
        update quarantine_order set state = :state, updated_at = :now,
          ended_at = case when :open then null else :now end, end_note = coalesce(:note, end_note)
        where id = :id""")
        .param("id", id).param("state", state.name()).param("open", state.open())
        .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).param("note", note).update();
  }

  /** When an ended order ended. */
  public OffsetDateTime endedAt(UUID id) {
    return jdbc.sql("select ended_at from quarantine_order where id = :id").param("id", id)
        .query(OffsetDateTime.class).single();
  }

  public void updateRuleSet(UUID id, String ruleSet, LocalDate plannedEnd) {
    jdbc.sql("update quarantine_order set rule_set_code = :ruleSet, planned_end_date = :end where id = :id")
        .param("id", id).param("ruleSet", ruleSet).param("end", plannedEnd).update();
  }

  /** Places the order in a room stay (or nowhere); each stay is kept with the order for its history. */
  public void placeAt(UUID id, UUID siteId, UUID roomStayId) {
    jdbc.sql("update quarantine_order set site_id = :site, room_stay_id = :stay where id = :id")
        .param("id", id).param("site", siteId).param("stay", roomStayId).update();
    if (roomStayId != null) {
      jdbc.sql("insert into quarantine_order_stay (order_id, stay_id) values (:id, :stay) on conflict do nothing")
          .param("id", id).param("stay", roomStayId).update();
    }
  }

  /**
   * Cancels the tests still waiting (SCHEDULED) of an order that ended: they will not be taken. The
   * note says why; returns how many.
   */
  public int cancelOpenTests(UUID orderId, String note) {
    return jdbc.sql("update quarantine_test set status = 'CANCELLED', note = :note where order_id = :id"
        + " and status = 'SCHEDULED'").param("id", orderId).param("note", note).update();
  }

  /** A person's orders within the user's reach, newest first (the person page). */
  public List<Row> ofPerson(UUID personId, OrderReach reach, int limit) {
    return reach.bind(jdbc.sql("select " + COLUMNS + " from quarantine_order o where o.person_id = :p and "
        + reach.orders("o") + " order by o.created_at desc limit :l"))
        .param("p", personId).param("l", limit).query(OrderStore::row).list();
  }

  /** A stay of an order in a room of a site. */
  public record StayLine(UUID orderId, String siteName, String room, OffsetDateTime from, OffsetDateTime to) {}

  /** The room stays of orders, oldest first. */
  public List<StayLine> stays(List<UUID> orderIds) {
    if (orderIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        select os.order_id, s.name, r.number, st.started_at, st.ended_at
        from quarantine_order_stay os join quarantine_room_stay st on st.id = os.stay_id
        join quarantine_room r on r.id = st.room_id join quarantine_site s on s.id = r.site_id
        where os.order_id in (:ids) order by st.started_at""").param("ids", orderIds)
        .query((rs, n) -> new StayLine(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class))).list();
  }

  public void markPhase(UUID orderId, int seq, PhaseStatus status) {
    jdbc.sql("update quarantine_phase set status = :status where order_id = :id and seq = :seq")
        .param("id", orderId).param("seq", seq).param("status", status.name()).update();
  }

  public List<PhaseView> phases(UUID orderId) {
    return jdbc.sql("select * from quarantine_phase where order_id = :id order by seq").param("id", orderId)
        .query((rs, n) -> new PhaseView(rs.getInt("seq"), Regime.valueOf(rs.getString("regime")),
            rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
            PhaseStatus.valueOf(rs.getString("status")))).list();
  }

  public List<TestView> tests(UUID orderId) {
    return jdbc.sql("select * from quarantine_test where order_id = :id order by test_date, extra, id")
        .param("id", orderId)
        .query((rs, n) -> new TestView(rs.getString("id"), rs.getInt("day"), rs.getObject("test_date", LocalDate.class),
            rs.getBoolean("dual_reagent"), rs.getBoolean("extra"), TestStatus.valueOf(rs.getString("status")),
            rs.getString("note"))).list();
  }

  /** Records a result; false when the test is not one of the order's or has no result to take. */
  public boolean recordResult(UUID orderId, UUID testId, TestStatus result, String note, Instant now) {
    return jdbc.sql("""
        update quarantine_test set status = :status, note = :note, result_at = :now
        where id = :testId and order_id = :orderId and status in ('SCHEDULED', 'SKIPPED')""")
        .param("testId", testId).param("orderId", orderId).param("status", result.name()).param("note", note)
        .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).update() == 1;
  }

  /** An extra test (retest after fever, symptoms or a missed check) on {@code date}, once per day. */
  public void addExtraTest(UUID orderId, LocalDate date, int day, String note) {
    jdbc.sql("""
        insert into quarantine_test (id, order_id, day, test_date, extra, status, note)
        select :testId, :id, :day, :date, true, 'SCHEDULED', :note
        where not exists (select 1 from quarantine_test t where t.order_id = :id and t.test_date = :date
                          and t.status = 'SCHEDULED')""")
        .param("testId", UUID.randomUUID()).param("id", orderId).param("day", day).param("date", date)
        .param("note", note).update();
  }

  /** Phases and tests attached. */
  public QuarantineOrder view(Row row, LocalDate today) {
    List<PhaseView> phases = phases(row.id());
    List<TestView> tests = tests(row.id());
    Regime current = phases.stream().filter(p -> p.status() != PhaseStatus.DONE && !p.endDate().isBefore(today))
        .findFirst().or(() -> phases.isEmpty() ? Optional.empty() : Optional.of(phases.get(phases.size() - 1)))
        .map(PhaseView::regime).orElse(null);
    List<LocalDate> testDates = tests.stream().filter(t -> !t.extra()).map(TestView::date).toList();
    return new QuarantineOrder(row.id().toString(), row.personId().toString(), row.personName(),
        row.jurisdictionCode(), row.ruleSet(), row.reason(), row.anchorDate(), phases, testDates, tests,
        row.plannedEndDate(), row.state(), row.state().open() ? current : null,
        row.siteId() == null ? null : row.siteId().toString(), row.source(), row.createdAt());
  }

  /** Several orders' phases at once (for lists), keyed by order id. */
  public Map<UUID, List<PhaseView>> phases(List<UUID> orderIds) {
    Map<UUID, List<PhaseView>> result = new LinkedHashMap<>();
    if (orderIds.isEmpty()) {
      return result;
    }
    jdbc.sql("select * from quarantine_phase where order_id in (:ids) order by order_id, seq").param("ids", orderIds)
        .query((rs, n) -> {
          result.computeIfAbsent(rs.getObject("order_id", UUID.class), k -> new ArrayList<>())
              .add(new PhaseView(rs.getInt("seq"), Regime.valueOf(rs.getString("regime")),
                  rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                  PhaseStatus.valueOf(rs.getString("status"))));
          return null;
        }).list();
    return result;
  }

  static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), rs.getString("person_name"),
        rs.getObject("household_id", UUID.class), rs.getString("jurisdiction_code"),
        rs.getString("jurisdiction_path"), OrderReason.valueOf(rs.getString("reason")),
        rs.getObject("anchor_date", LocalDate.class), rs.getString("rule_set_code"),
        OrderState.valueOf(rs.getString("state")), rs.getObject("planned_end_date", LocalDate.class),
        rs.getString("source"), rs.getString("source_ref"), rs.getObject("site_id", UUID.class),
        rs.getObject("room_stay_id", UUID.class), rs.getObject("created_at", OffsetDateTime.class));
  }
}
