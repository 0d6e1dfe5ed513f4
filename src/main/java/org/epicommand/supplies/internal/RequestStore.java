package org.epicommand.supplies.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.supplies.DispatchState;
import org.epicommand.supplies.RequestPriority;
import org.epicommand.supplies.RequestState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Supply requests with their lines, allocations and dispatch. A state changes only by a guarded update
 * ({@code where state in (…)}), so two people moving the same request cannot both succeed.
 */
@Repository
public class RequestStore {

  public record RequestRow(UUID id, String number, String unitName, String jurisdictionCode, String path,
      RequestPriority priority, String purpose, RequestState state, String reason, String warehouseCode,
      String createdBy, OffsetDateTime createdAt, OffsetDateTime submittedAt, OffsetDateTime approveDue,
      OffsetDateTime deliverDue, String decidedBy, OffsetDateTime decidedAt, String firstApprovedBy,
      java.math.BigDecimal approvedValue) {}

  public record LineRow(String itemCode, long requested, Long approved, Long allocated, Long dispatched,
      Long received) {}

  /** A request whose deadline passed, claimed for its one notice. */
  public record Overdue(UUID id, String number, String unitName, String jurisdictionCode, RequestPriority priority,
      RequestState state) {}

  private static final String REQUEST = "select id, number, unit_name, jurisdiction_code, jurisdiction_path, priority,"
      + " purpose, state, reason, warehouse_code, created_by, created_at, submitted_at, approve_due, deliver_due,"
      + " decided_by, decided_at, first_approved_by, approved_value from supply_request ";

  private final JdbcClient jdbc;

  RequestStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next request number of the year, e.g. {@code WZ2026-000042}. */
  public String nextNumber(int year) {
    long next = jdbc.sql("select nextval('supply_request_number')").query(Long.class).single();
    return String.format("WZ%d-%06d", year, next);
  }

  public void insert(RequestRow row, Map<String, Long> lines, Instant at) {
    jdbc.sql(
        "insert into supply_request (id, number, unit_name, jurisdiction_code, jurisdiction_path, priority, purpose,"
            + " state, created_by, created_at, updated_at) values (:id, :number, :unit, :jc, :path, :priority, :purpose,"
            + " :state, :by, :at, :at)")
        .param("id", row.id()).param("number", row.number()).param("unit", row.unitName())
        .param("jc", row.jurisdictionCode()).param("path", row.path()).param("priority", row.priority().name())
        .param("purpose", row.purpose()).param("state", row.state().name()).param("by", row.createdBy())
        .param("at", Timestamp.from(at)).update();
    lines.forEach((item, quantity) -> jdbc.sql("insert into supply_request_line (request_id, item_code, requested)"
        + " values (:id, :item, :q)").param("id", row.id()).param("item", item).param("q", quantity).update());
  }

  public Optional<RequestRow> find(UUID id) {
    return jdbc.sql(REQUEST + "where id = :id").param("id", id).query(RequestStore::request).optional();
  }

  /** Requests inside the scope, newest first; {@code state} null: all. */
  public List<RequestRow> list(JurisdictionScope scope, RequestState state, long offset, int limit) {
    return scope.bind(jdbc.sql(REQUEST + "where " + scope.predicate("jurisdiction_path")
            + " and (cast(:state as varchar) is null or state = :state) order by created_at desc, number desc"
            + " offset :offset limit :limit"))
        .param("state", state == null ? null : state.name()).param("offset", offset).param("limit", limit)
        .query(RequestStore::request).list();
  }

  public List<LineRow> lines(UUID id) {
    return jdbc.sql("select item_code, requested, approved, allocated, dispatched, received from supply_request_line"
            + " where request_id = :id order by item_code").param("id", id)
        .query((rs, n) -> new LineRow(rs.getString(1), rs.getLong(2), (Long) rs.getObject(3), (Long) rs.getObject(4),
            (Long) rs.getObject(5), (Long) rs.getObject(6))).list();
  }

  /**
   * Moves the request to {@code to} when it is in one of {@code from}; {@code set}: further assignments
   * ({@code column = :param}) with their parameters. False when the state had moved on.
   */
  public boolean transition(UUID id, Collection<RequestState> from, RequestState to, String set,
      Map<String, Object> params, Instant at) {
    var spec = jdbc.sql("update supply_request set state = :to, updated_at = :at" + (set == null ? "" : ", " + set)
            + " where id = :id and state in (:from)")
        .param("to", to.name()).param("at", Timestamp.from(at)).param("id", id)
        .param("from", from.stream().map(Enum::name).toList());
    for (Map.Entry<String, Object> p : params.entrySet()) {
      spec = spec.param(p.getKey(), p.getValue());
    }
    return spec.update() == 1;
  }

  /** Sets one quantity column ({@code approved}, {@code allocated}, {@code dispatched}, {@code received}) of a line. */
  public void setLine(UUID id, String itemCode, String column, long quantity) {
    if (!List.of("approved", "allocated", "dispatched", "received").contains(column)) {
      throw new IllegalArgumentException(column);
    }
    jdbc.sql("update supply_request_line set " + column + " = :q where request_id = :id and item_code = :item")
        .param("q", quantity).param("id", id).param("item", itemCode).update();
  }

  public void allocation(UUID request, UUID lot, long quantity) {
    jdbc.sql("insert into supply_allocation (request_id, lot_id, quantity) values (:r, :lot, :q)"
            + " on conflict (request_id, lot_id) do update set quantity = supply_allocation.quantity + excluded.quantity")
        .param("r", request).param("lot", lot).param("q", quantity).update();
  }

  /** Stores the request's dispatch (one per request), new or moved on. */
  public void saveDispatch(UUID request, Dispatch d) {
    jdbc.sql("insert into supply_dispatch (id, request_id, warehouse_code, vehicle_plate, driver, driver_phone,"
            + " green_pass_number, state, planned_at, departed_at, expected_at, received_at, received_by,"
            + " discrepancy_note) values (:id, :r, :wh, :plate, :driver, :phone, :pass, :state, :planned, :departed,"
            + " :expected, :received, :by, :note) on conflict (request_id) do update set vehicle_plate = excluded.vehicle_plate,"
            + " driver = excluded.driver, driver_phone = excluded.driver_phone,"
            + " green_pass_number = excluded.green_pass_number, state = excluded.state, planned_at = excluded.planned_at,"
            + " departed_at = excluded.departed_at, expected_at = excluded.expected_at,"
            + " received_at = excluded.received_at, received_by = excluded.received_by,"
            + " discrepancy_note = excluded.discrepancy_note")
        .param("id", d.id()).param("r", request).param("wh", d.warehouseCode()).param("plate", d.vehicle().plate())
        .param("driver", d.vehicle().driver()).param("phone", d.vehicle().driverPhone())
        .param("pass", d.vehicle().greenPassNumber()).param("state", d.state().name())
        .param("planned", d.plannedAt()).param("departed", d.departedAt()).param("expected", d.expectedAt())
        .param("received", d.receivedAt()).param("by", d.receivedBy()).param("note", d.discrepancyNote()).update();
  }

  /** The request's dispatch, locked for the move, when it has one. */
  public Optional<Dispatch> dispatch(UUID request) {
    return jdbc.sql("select id, warehouse_code, vehicle_plate, driver, driver_phone, green_pass_number, state,"
            + " planned_at, departed_at, expected_at, received_at, received_by, discrepancy_note from supply_dispatch"
            + " where request_id = :r").param("r", request)
        .query((rs, n) -> new Dispatch(rs.getObject(1, UUID.class), rs.getString(2), new Dispatch.Vehicle(
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), DispatchState.valueOf(rs.getString(7)),
            rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class),
            rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class), rs.getString(12),
            rs.getString(13))).optional();
  }

  /**
   * Claims the requests whose approval (still SUBMITTED) or delivery (approved, not yet received) is
   * overdue at {@code now} and was not noticed yet: each is claimed once, in the caller's transaction.
   */
  public List<Overdue> claimOverdue(Instant now) {
    Timestamp at = Timestamp.from(now);
    List<Overdue> approval = jdbc.sql("update supply_request set overdue_approval_notified_at = :now"
            + " where state in ('SUBMITTED', 'PENDING_SECOND_APPROVAL') and approve_due < :now"
            + " and overdue_approval_notified_at is null"
            + " returning id, number, unit_name, jurisdiction_code, priority, state")
        .param("now", at).query(RequestStore::overdue).list();
    List<Overdue> delivery = jdbc.sql("update supply_request set overdue_delivery_notified_at = :now"
            + " where state in ('APPROVED', 'PARTIALLY_APPROVED', 'ALLOCATED', 'DISPATCHED') and deliver_due < :now"
            + " and overdue_delivery_notified_at is null returning id, number, unit_name, jurisdiction_code, priority, state")
        .param("now", at).query(RequestStore::overdue).list();
    return java.util.stream.Stream.concat(approval.stream(), delivery.stream()).toList();
  }

  /** Requests inside the scope past a deadline they still wait on at {@code now}. */
  public long countOverdue(JurisdictionScope scope, Instant now) {
    return scope.bind(jdbc.sql("select count(*) from supply_request where " + scope.predicate("jurisdiction_path")
            + " and ((state in ('SUBMITTED', 'PENDING_SECOND_APPROVAL') and approve_due < :now) or (state in ('APPROVED', 'PARTIALLY_APPROVED',"
            + " 'ALLOCATED', 'DISPATCHED') and deliver_due < :now))"))
        .param("now", Timestamp.from(now)).query(Long.class).single();
  }

  private static Overdue overdue(ResultSet rs, int n) throws SQLException {
    return new Overdue(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
        RequestPriority.valueOf(rs.getString(5)), RequestState.valueOf(rs.getString(6)));
  }

  private static RequestRow request(ResultSet rs, int n) throws SQLException {
    return new RequestRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), RequestPriority.valueOf(rs.getString(6)), rs.getString(7),
            RequestState.valueOf(rs.getString(8)),
        rs.getString(9), rs.getString(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class),
        rs.getObject(13, OffsetDateTime.class), rs.getObject(14, OffsetDateTime.class),
        rs.getObject(15, OffsetDateTime.class), rs.getString(16), rs.getObject(17, OffsetDateTime.class),
        rs.getString(18), rs.getBigDecimal(19));
  }
}
