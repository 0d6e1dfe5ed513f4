package org.epicommand.lockdown.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.lockdown.SealedArea;
import org.epicommand.shared.RecordNotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of sealed areas, read inside a scope (outside it an area does not exist: 404). */
@Repository
public class AreaStore {

  public static final String SUBJECT = "SEALED_AREA";
  private static final String COLUMNS = """
      id, name, kind, state, risk_area_id, jurisdiction_code, jurisdiction_path, buildings, starts_at, ends_at, note,
      activated_at, closed_at, close_reason""";

  /** An area as stored. */
  public record Row(UUID id, String name, SealedArea.Kind kind, SealedArea.State state, UUID riskAreaId, String code,
      String path, List<Integer> buildings, Instant startsAt, Instant endsAt, String note, Instant activatedAt,
      Instant closedAt, String closeReason) {

    /** Whether a household at this address and path lies inside the area. */
    public boolean holds(String householdPath, Integer building) {
      return householdPath != null && householdPath.startsWith(path)
          && (buildings.isEmpty() || building != null && buildings.contains(building));
    }
  }

  private final JdbcClient jdbc;

  AreaStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Row row, String username, Instant now) {
    jdbc.sql("""
        insert into lockdown_area (id, name, kind, state, risk_area_id, jurisdiction_code, jurisdiction_path, buildings,
          starts_at, ends_at, note, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(row.id(), row.name(), row.kind().name(), row.state().name(), row.riskAreaId(), row.code(), row.path(),
            row.buildings().isEmpty() ? null : String.join(",", row.buildings().stream().map(String::valueOf).toList()),
            Timestamp.from(row.startsAt()), row.endsAt() == null ? null : Timestamp.from(row.endsAt()), row.note(),
            Timestamp.from(now), username).update();
  }

  /** The areas inside {@code scope} (state null: all), newest first. */
  public List<Row> list(JurisdictionScope scope, SealedArea.State state) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from lockdown_area where " + scope.predicate("jurisdiction_path")
        + " and (cast(:state as text) is null or state = :state) order by starts_at desc, name"))
        .param("state", state == null ? null : state.name()).query((rs, n) -> row(rs)).list();
  }

  /** An area inside {@code scope}; 404 otherwise. */
  public Row get(UUID id, JurisdictionScope scope) {
    return find(id, scope, false).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /** An area inside {@code scope}, locked for a change; 404 otherwise. */
  public Row lock(UUID id, JurisdictionScope scope) {
    return find(id, scope, true).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /** The active areas of the whole city (the platform's jobs). */
  public List<Row> active() {
    return jdbc.sql("select " + COLUMNS + " from lockdown_area where state = 'ACTIVE' order by id")
        .query((rs, n) -> row(rs)).list();
  }

  /** The areas standing on a risk area (any scope: the platform lifts them). */
  public List<Row> onRiskArea(UUID riskAreaId) {
    return jdbc.sql("select " + COLUMNS + " from lockdown_area where risk_area_id = ? for update").param(riskAreaId)
        .query((rs, n) -> row(rs)).list();
  }

  private Optional<Row> find(UUID id, JurisdictionScope scope, boolean lock) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from lockdown_area where id = :id and "
        + scope.predicate("jurisdiction_path") + (lock ? " for update" : ""))).param("id", id)
        .query((rs, n) -> row(rs)).optional();
  }

  public void changeState(UUID id, SealedArea.State state, Instant at, String reason) {
    if (state == SealedArea.State.ACTIVE) {
      jdbc.sql("update lockdown_area set state = ?, activated_at = ? where id = ?")
          .params(state.name(), Timestamp.from(at), id).update();
    } else {
      jdbc.sql("update lockdown_area set state = ?, closed_at = ?, close_reason = ? where id = ?")
          .params(state.name(), Timestamp.from(at), reason, id).update();
    }
  }

  /** Counts per area: active posts and open requests. */
  public long[] counts(UUID id) {
    return jdbc.sql("""
        select (select count(*) from lockdown_post where area_id = :id and state = 'ACTIVE'),
          (select count(*) from lockdown_request where area_id = :id and state in ('REQUESTED', 'ASSIGNED'))""")
        .param("id", id).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
  }

  private static Row row(ResultSet rs) throws SQLException {
    String buildings = rs.getString(8);
    return new Row(rs.getObject(1, UUID.class), rs.getString(2), SealedArea.Kind.valueOf(rs.getString(3)),
        SealedArea.State.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
        buildings == null ? List.of() : Arrays.stream(buildings.split(",")).map(Integer::valueOf).toList(),
        instant(rs, 9), instant(rs, 10), rs.getString(11), instant(rs, 12), instant(rs, 13), rs.getString(14));
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
