package org.epicommand.movement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.movement.RiskAreaHistory;
import org.epicommand.quarantine.RiskLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The risk area tables: areas, their downgrade proposals and their history. */
@Repository
public class RiskAreaStore {

  /** An area row with what the downgrade rule needs. */
  public record Row(UUID id, String name, RiskLevel level, String jurisdictionCode, String jurisdictionPath,
      String boundary, OffsetDateTime designatedAt, LocalDate levelSince, boolean cameFromHigh,
      LocalDate lastNewCaseDate, int version) {}

  /** An open proposal. */
  public record Open(UUID id, UUID areaId, RiskLevel fromLevel, RiskLevel toLevel) {}

  private static final String COLUMNS = "id, name, level, jurisdiction_code, jurisdiction_path, boundary,"
      + " designated_at, level_since, came_from_high, last_new_case_date, version";

  private final JdbcClient jdbc;

  RiskAreaStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Row row, String username) {
    jdbc.sql("""
        insert into risk_area (id, name, level, jurisdiction_code, jurisdiction_path, boundary, designated_at,
          designated_by, level_since, came_from_high, last_new_case_date)
        values (:id, :name, :level, :code, :path, :boundary, :at, :by, :since, false, null)
        """).param("id", row.id()).param("name", row.name()).param("level", row.level().name())
        .param("code", row.jurisdictionCode()).param("path", row.jurisdictionPath()).param("boundary", row.boundary())
        .param("at", Timestamp.from(row.designatedAt().toInstant())).param("by", username)
        .param("since", row.levelSince()).update();
  }

  public Optional<Row> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from risk_area where id = :id").param("id", id)
        .query(RiskAreaStore::map).optional();
  }

  /** Locks the area for a change (new infection, approval), so two changes never interleave. */
  public Optional<Row> lock(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from risk_area where id = :id for update").param("id", id)
        .query(RiskAreaStore::map).optional();
  }

  public List<Row> list(RiskLevel level) {
    return jdbc.sql("select " + COLUMNS + " from risk_area where (:level::text is null or level = :level)"
            + " order by jurisdiction_path, name, id")
        .param("level", level == null ? null : level.name()).query(RiskAreaStore::map).list();
  }

  public void setLastNewCase(UUID id, LocalDate day) {
    jdbc.sql("update risk_area set last_new_case_date = :day, version = version + 1 where id = :id")
        .param("day", day).param("id", id).update();
  }

  public void changeLevel(UUID id, RiskLevel level, LocalDate since, boolean cameFromHigh) {
    jdbc.sql("""
        update risk_area set level = :level, level_since = :since, came_from_high = :high, version = version + 1
        where id = :id
        """).param("level", level.name()).param("since", since).param("high", cameFromHigh).param("id", id).update();
  }

  public List<Open> openProposals() {
    return jdbc.sql("select id, area_id, from_level, to_level from risk_area_proposal where state = 'PROPOSED'")
        .query((rs, n) -> new Open(rs.getObject("id", UUID.class), rs.getObject("area_id", UUID.class),
            RiskLevel.valueOf(rs.getString("from_level")), RiskLevel.valueOf(rs.getString("to_level")))).list();
  }

  public Optional<Open> openProposal(UUID areaId) {
    return openProposals().stream().filter(p -> p.areaId().equals(areaId)).findFirst();
  }

  /** Adds a proposal unless the area has an open one; true when added. */
  public boolean propose(UUID areaId, RiskLevel from, RiskLevel to, String ruleSet, LocalDate day, Instant at) {
    return jdbc.sql("""
        insert into risk_area_proposal (id, area_id, from_level, to_level, rule_set, proposed_for, state, proposed_at)
        values (:id, :area, :from, :to, :ruleSet, :day, 'PROPOSED', :at)
        on conflict (area_id) where state = 'PROPOSED' do nothing
        """).param("id", UUID.randomUUID()).param("area", areaId).param("from", from.name()).param("to", to.name())
        .param("ruleSet", ruleSet).param("day", day).param("at", Timestamp.from(at)).update() == 1;
  }

  public void decide(UUID proposalId, String state, String notice, Instant at, String username) {
    jdbc.sql("""
        update risk_area_proposal set state = :state, notice = :notice, decided_at = :at, decided_by = :by
        where id = :id and state = 'PROPOSED'
        """).param("state", state).param("notice", notice).param("at", Timestamp.from(at)).param("by", username)
        .param("id", proposalId).update();
  }

  public void event(UUID areaId, Instant at, String username, String kind, LocalDate day, RiskLevel from,
      RiskLevel to, String detail) {
    jdbc.sql("""
        insert into risk_area_event (area_id, at, username, kind, day, from_level, to_level, detail)
        values (:area, :at, :by, :kind, :day, :from, :to, :detail)
        """).param("area", areaId).param("at", Timestamp.from(at)).param("by", username).param("kind", kind)
        .param("day", day).param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name())
        .param("detail", detail).update();
  }

  public List<RiskAreaHistory.Proposal> proposals(UUID areaId) {
    return jdbc.sql("select * from risk_area_proposal where area_id = :id order by proposed_at, id").param("id", areaId)
        .query((rs, n) -> new RiskAreaHistory.Proposal(rs.getString("id"),
            RiskLevel.valueOf(rs.getString("from_level")),
            RiskLevel.valueOf(rs.getString("to_level")), rs.getString("rule_set"),
            rs.getObject("proposed_for", LocalDate.class), rs.getString("state"), rs.getString("notice"),
            time(rs, "proposed_at"), time(rs, "decided_at"), rs.getString("decided_by"))).list();
  }

  public List<RiskAreaHistory.Event> events(UUID areaId) {
    return jdbc.sql("select * from risk_area_event where area_id = :id order by id").param("id", areaId)
        .query((rs, n) -> new RiskAreaHistory.Event(time(rs, "at"), rs.getString("username"), rs.getString("kind"),
            rs.getObject("day", LocalDate.class), level(rs.getString("from_level")), level(rs.getString("to_level")),
            rs.getString("detail"))).list();
  }

  private static RiskLevel level(String value) {
    return value == null ? null : RiskLevel.valueOf(value);
  }

  private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant().atOffset(ZoneOffset.UTC);
  }

  private static Row map(ResultSet rs, int n) throws SQLException {
    return new Row(rs.getObject("id", UUID.class), rs.getString("name"), RiskLevel.valueOf(rs.getString("level")),
        rs.getString("jurisdiction_code"), rs.getString("jurisdiction_path"), rs.getString("boundary"),
        time(rs, "designated_at"), rs.getObject("level_since", LocalDate.class), rs.getBoolean("came_from_high"),
        rs.getObject("last_new_case_date", LocalDate.class), rs.getInt("version"));
  }
}
