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

/** The arrival table; every read takes a scope on {@code jurisdiction_path}. */
@Repository
public class ArrivalStore {

  private final JdbcClient jdbc;

  ArrivalStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Arrival a, String jurisdictionPath, String registeredBy) {
    jdbc.sql("""
        insert into arrival (id, person_id, name, origin_region, origin_area_id, origin_level, inbound, route,
          arrival_date, jurisdiction_code, jurisdiction_path, rule_set, reason, outcome, order_id, channel,
          registered_by, created_at, checkpoint_code)
        values (:id, :person, :name, :region, :area, :level, :inbound, :route, :day, :code, :path, :ruleSet, :reason,
          :outcome, :order, :channel, :by, :at, :checkpoint)
        """).param("id", UUID.fromString(a.id())).param("person", UUID.fromString(a.personId()))
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
    return scope.bind(jdbc.sql("select * from arrival a where a.id = :id and " + scope.predicate("a.jurisdiction_path")))
        .param("id", id).query(ArrivalStore::map).optional();
  }

  public List<Arrival> list(JurisdictionScope scope, long offset, int limit) {
    return scope.bind(jdbc.sql("select * from arrival a where " + scope.predicate("a.jurisdiction_path")
            + " order by a.jurisdiction_path, a.arrival_date desc, a.id offset :offset limit :limit"))
        .param("offset", offset).param("limit", limit).query(ArrivalStore::map).list();
  }

  /** A person's arrivals inside a scope, newest first. */
  public List<Arrival> ofPerson(UUID personId, JurisdictionScope scope, int limit) {
    return scope.bind(jdbc.sql("select * from arrival a where a.person_id = :p and " + scope.predicate("a.jurisdiction_path")
            + " order by a.arrival_date desc, a.id limit :limit"))
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
        rs.getTimestamp("created_at").toInstant().atOffset(ZoneOffset.UTC), rs.getString("checkpoint_code"));
  }
}
