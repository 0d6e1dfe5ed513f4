package org.epicommand.movement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.movement.Arrival;
import org.epicommand.movement.ArrivalOutcome;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.RiskLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The arrival table; every read takes a scope: an arrival is in it by where it was registered
 * ({@code jurisdiction_path}) or, when referred, by where its person lives ({@code person_path}) — and
 * only there does it carry the person's id.
 */
@Repository
public class ArrivalStore {

  private final JdbcClient jdbc;

  ArrivalStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Files an arrival; {@code personPath}: where its person lives when that lies outside {@code jurisdictionPath}. */
  public void insert(Arrival a, String jurisdictionPath, String personPath, String registeredBy) {
    jdbc.sql("""
        insert into arrival (id, person_id, name, origin_region, origin_area_id, origin_level, inbound, route,
          arrival_date, jurisdiction_code, jurisdiction_path, rule_set, reason, outcome, order_id, channel,
          registered_by, created_at, checkpoint_code, person_path, contact_phone, claimed_document)
        values (:id, :person, :name, :region, :area, :level, :inbound, :route, :day, :code, :path, :ruleSet, :reason,
          :outcome, :order, :channel, :by, :at, :checkpoint, :personPath, :contactPhone, :claimed)
        """).param("id", UUID.fromString(a.id()))
        .param("person", a.personId() == null ? null : UUID.fromString(a.personId()))
        .param("personPath", personPath).param("contactPhone", a.contactPhone()).param("claimed", a.claimedDocument())
        .param("name", a.name()).param("region", a.originRegion())
        .param("area", a.originAreaId() == null ? null : UUID.fromString(a.originAreaId()))
        .param("level", a.originLevel() == null ? "NONE" : a.originLevel().name()).param("inbound", a.inbound())
        .param("route", a.route()).param("day", a.arrivalDate()).param("code", a.jurisdictionCode())
        .param("path", jurisdictionPath).param("ruleSet", a.ruleSet())
        .param("reason", a.reason() == null ? null : a.reason().name()).param("outcome", a.outcome().name())
        .param("order", a.orderId() == null ? null : UUID.fromString(a.orderId())).param("channel", a.channel())
        .param("by", registeredBy).param("at", Timestamp.from(a.createdAt().toInstant()))
        .param("checkpoint", a.checkpointCode()).update();
  }

  public Optional<Arrival> find(UUID id, JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select " + columns(scope) + " from arrival a where a.id = :id and ("
        + scope.predicate("a.jurisdiction_path") + " or " + scope.predicate("a.person_path") + ")"))
        .param("id", id).query(ArrivalStore::map).optional();
  }

  /** The arrivals registered in the scope, and those referred to it (few: a partial index), in one order. */
  public List<Arrival> list(JurisdictionScope scope, long offset, int limit) {
    return scope.bind(jdbc.sql("select * from (select " + columns(scope) + " from arrival a where "
            + scope.predicate("a.jurisdiction_path") + " union all select " + columns(scope)
            + " from arrival a where " + scope.predicate("a.person_path") + " and not "
            + scope.predicate("a.jurisdiction_path") + ") a"
            + " order by a.jurisdiction_path, a.arrival_date desc, a.id offset :offset limit :limit"))
        .param("offset", offset).param("limit", limit).query(ArrivalStore::map).list();
  }

  /** Every column, the person's id only where the scope holds the person (registered there, or referred to it). */
  private static String columns(JurisdictionScope scope) {
    return "a.id, a.name, a.origin_region, a.origin_area_id, a.origin_level, a.inbound, a.route, a.arrival_date,"
        + " a.jurisdiction_code, a.jurisdiction_path, a.rule_set, a.reason, a.outcome, a.order_id, a.channel,"
        + " a.created_at, a.checkpoint_code, a.contact_phone, a.claimed_document,"
        + " case when a.person_path is null or " + scope.predicate("a.person_path")
            + " then a.person_id end as person_id";
  }

  /** A person's arrivals inside a scope, newest first. */
  public List<Arrival> ofPerson(UUID personId, JurisdictionScope scope, int limit) {
    return scope.bind(jdbc.sql("select " + columns(scope) + " from arrival a where a.person_id = :p and "
            + scope.predicate("a.jurisdiction_path") + " order by a.arrival_date desc, a.id limit :limit"))
        .param("p", personId).param("limit", limit).query(ArrivalStore::map).list();
  }

  private static Arrival map(ResultSet rs, int n) throws SQLException {
    String level = rs.getString("origin_level");
    String reason = rs.getString("reason");
    Object area = rs.getObject("origin_area_id");
    Object order = rs.getObject("order_id");
    return new Arrival(rs.getString("id"), rs.getString("person_id"), rs.getString("name"),
        rs.getString("origin_region"), area == null ? null : area.toString(),
        level.equals("NONE") ? null : RiskLevel.valueOf(level), rs.getBoolean("inbound"), rs.getString("route"),
        rs.getObject("arrival_date", LocalDate.class), rs.getString("jurisdiction_code"), rs.getString("rule_set"),
        reason == null ? null : OrderReason.valueOf(reason), ArrivalOutcome.valueOf(rs.getString("outcome")),
        order == null ? null : order.toString(), rs.getString("channel"),
        rs.getTimestamp("created_at").toInstant().atOffset(ZoneOffset.UTC), rs.getString("checkpoint_code"),
        rs.getString("contact_phone"), rs.getString("claimed_document"));
  }
}
