package org.epicommand.quarantine.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.epicommand.quarantine.HalfDay;
import org.epicommand.quarantine.HealthCheck;
import org.epicommand.quarantine.Symptom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Health checks — append-only readings — and the personal links (only a hash of the token is stored). */
@Repository
public class HealthCheckStore {

  /** The open order a personal link belongs to. */
  public record LinkedOrder(UUID orderId, String personName, UUID householdId) {}

  private final JdbcClient jdbc;

  HealthCheckStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void setTokenHash(UUID orderId, byte[] hash) {
    jdbc.sql("update quarantine_order set health_token_hash = :hash where id = :id").param("id", orderId)
        .param("hash", hash).update();
  }

  /** The open order of a link; empty for an unknown token or an order that has ended. */
  public Optional<LinkedOrder> byToken(byte[] hash) {
    return jdbc.sql("""
        select id, person_name, household_id from quarantine_order
        where health_token_hash = :hash and state in ('PENDING_TRANSFER', 'ACTIVE')""").param("hash", hash)
        .query((rs, n) -> new LinkedOrder(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
        .optional();
  }

  /** The other open orders of the household (a household head may report for them). */
  public List<LinkedOrder> dependants(LinkedOrder head) {
    if (head.householdId() == null) {
      return List.of();
    }
    return jdbc.sql("""
        select id, person_name, household_id from quarantine_order
        where household_id = :household and id <> :id and state in ('PENDING_TRANSFER', 'ACTIVE')
        order by person_name limit 20""").param("household", head.householdId()).param("id", head.orderId())
        .query((rs, n) -> new LinkedOrder(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
        .list();
  }

  public void save(UUID orderId, LocalDate date, HalfDay half, BigDecimal temperature, List<Symptom> symptoms,
      String reportedBy, String reporter, Instant at) {
    jdbc.sql("""
        insert into quarantine_health_check (order_id, check_date, half, temperature, symptoms, reported_by, reporter,
          reported_at)
        values (:order, :date, :half, :temperature, :symptoms, :by, :reporter, :at)""")
        .param("order", orderId).param("date", date).param("half", half.name()).param("temperature", temperature)
        .param("symptoms", symptoms.stream().map(Enum::name).collect(Collectors.joining(",")))
        .param("by", reportedBy).param("reporter", reporter)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
  }

  /**
   * The phone's everyday check in one statement: the open order of the link, found by the token's
   * hash, gets a self-reported reading of this half-day. Empty when the token is unknown or the order
   * has ended.
   */
  public Optional<UUID> saveSelfByToken(byte[] hash, LocalDate date, HalfDay half, BigDecimal temperature, Instant at) {
    return jdbc.sql("""
        insert into quarantine_health_check (order_id, check_date, half, temperature, symptoms, reported_by, reporter,
          reported_at)
        select id, :date, :half, :temperature, '', 'SELF', null, :at from quarantine_order
        where health_token_hash = :hash and state in ('PENDING_TRANSFER', 'ACTIVE')
        returning order_id""")
        .param("hash", hash).param("date", date).param("half", half.name()).param("temperature", temperature)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).query(UUID.class).optional();
  }

  public List<HealthCheck> checks(UUID orderId, int limit) {
    return jdbc.sql("""
        select * from quarantine_health_check where order_id = :order
        order by check_date desc, half desc, reported_at desc, id desc limit :limit""")
        .param("order", orderId).param("limit", limit)
        .query((rs, n) -> new HealthCheck(rs.getString("order_id"), rs.getObject("check_date", LocalDate.class),
            HalfDay.valueOf(rs.getString("half")), rs.getBigDecimal("temperature"),
            rs.getString("symptoms").isEmpty() ? List.of()
                : Arrays.stream(rs.getString("symptoms").split(",")).map(Symptom::valueOf).toList(),
            rs.getString("reported_by"), rs.getObject("reported_at", OffsetDateTime.class))).list();
  }

  /**
   * Set-based, for every open order that existed before the half-day ended and has no check for it:
   * a MISSED_CHECK alert and a retest the next day. Returns how many alerts were raised.
   */
  public int raiseMissed(LocalDate date, HalfDay half, Instant halfEnd, Instant now) {
    OffsetDateTime end = OffsetDateTime.ofInstant(halfEnd, ZoneOffset.UTC);
    String key = date + "/" + half;
    int raised = jdbc.sql("""
        insert into quarantine_alert (id, order_id, person_name, jurisdiction_path, kind, dedupe_key, detail, raised_at,
          state)
        select gen_random_uuid(), o.id, o.person_name, o.jurisdiction_path, 'MISSED_CHECK', :key, :key, :now, 'OPEN'
        from quarantine_order o
        where o.state in ('PENDING_TRANSFER', 'ACTIVE') and o.created_at < :end
          and not exists (select 1 from quarantine_health_check c where c.order_id = o.id and c.check_date = :date
                          and c.half = :half)
        on conflict (order_id, kind, dedupe_key) do nothing""")
        .param("key", key).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("end", end)
        .param("date", date).param("half", half.name()).update();
    jdbc.sql("""
        insert into quarantine_test (id, order_id, day, test_date, extra, status, note)
        select gen_random_uuid(), a.order_id, (:retest - o.anchor_date), :retest, true, 'SCHEDULED', 'MISSED_CHECK'
        from quarantine_alert a join quarantine_order o on o.id = a.order_id
        where a.kind = 'MISSED_CHECK' and a.dedupe_key = :key
          and not exists (select 1 from quarantine_test t where t.order_id = a.order_id and t.test_date = :retest
                          and t.status = 'SCHEDULED')""")
        .param("key", key).param("retest", date.plusDays(1)).update();
    return raised;
  }
}
