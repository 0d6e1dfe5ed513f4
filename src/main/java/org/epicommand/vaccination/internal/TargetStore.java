package org.epicommand.vaccination.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.person.PersonLookup;
import org.epicommand.vaccination.ClosedReason;
import org.epicommand.vaccination.TargetState;
import org.epicommand.vaccination.VisitOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The door-to-door items ({@code vaccination_target}) and the paths whose list has been generated. */
@Repository
public class TargetStore {

  /** A stored item. */
  public record Row(UUID personId, String path, LocalDate birthDate, TargetState state, ClosedReason closedReason,
      Instant closedAt, LocalDate revisitOn, LocalDate appointmentOn, String appointmentSite, LocalDate deferredUntil,
      VisitOutcome lastOutcome, String note, int visits, Instant lastVisitAt) {}

  /** What a visit writes: the item's new state and its fields, and the visit itself. */
  public record Visit(TargetState state, ClosedReason closedReason, LocalDate revisitOn, LocalDate appointmentOn,
      String appointmentSite, LocalDate deferredUntil, VisitOutcome outcome, String note, String by) {}

  private final JdbcClient jdbc;

  TargetStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Row> find(UUID person) {
    return jdbc.sql("select * from vaccination_target where person_id = ?").params(person).query((rs, n) -> map(rs))
        .optional();
  }

  /** Items inside the scope: the open ones oldest first, or ({@code closed}) the closed ones latest first. */
  public List<Row> list(JurisdictionScope scope, boolean closed, long offset, int limit) {
    String order = closed ? " order by closed_at desc, person_id" : " order by birth_date, person_id";
    return scope.bind(jdbc.sql("select * from vaccination_target where " + scope.predicate("jurisdiction_path")
        + (closed ? " and state = 'CLOSED'" : " and state <> 'CLOSED'") + order + " offset :offset limit :limit"))
        .param("offset", offset).param("limit", limit).query((rs, n) -> map(rs)).list();
  }

  /** How many items the scope holds (open or closed), at most {@code cap} + 1 counted. */
  public long count(JurisdictionScope scope, boolean closed, int cap) {
    return scope.bind(jdbc.sql("select count(*) from (select 1 from vaccination_target where "
        + scope.predicate("jurisdiction_path") + (closed ? " and state = 'CLOSED'" : " and state <> 'CLOSED'")
        + " limit :cap) x")).param("cap", cap + 1).query(Long.class).single();
  }

  /** Adds items for these persons in {@code state} (those on a list already are left as they are); answers how many. */
  public int add(List<PersonLookup.Born> persons, List<TargetState> states, Instant now) {
    if (persons.isEmpty()) {
      return 0;
    }
    return jdbc.sql("""
        insert into vaccination_target (person_id, jurisdiction_path, birth_date, state, created_at, updated_at)
        select x.id, x.path, x.born, x.state, ?, ? from unnest(?::uuid[], ?::text[], ?::date[], ?::text[])
          as x(id, path, born, state)
        on conflict (person_id) do nothing
        """).params(MasterRows.utc(now), MasterRows.utc(now),
            persons.stream().map(PersonLookup.Born::id).toArray(String[]::new),
            persons.stream().map(PersonLookup.Born::jurisdictionPath).toArray(String[]::new),
            persons.stream().map(p -> p.birthDate().toString()).toArray(String[]::new),
            states.stream().map(Enum::name).toArray(String[]::new)).update();
  }

  /** Whether the list of the scope (or of a division above it) has been generated. */
  public boolean generated(JurisdictionScope scope) {
    return jdbc.sql("select exists (select 1 from vaccination_target_scope where ? like jurisdiction_path || '%')")
        .params(scope.path()).query(Boolean.class).single();
  }

  public void markGenerated(String path, int added, Instant now) {
    jdbc.sql("""
        insert into vaccination_target_scope (jurisdiction_path, generated_at, added) values (?, ?, ?)
        on conflict (jurisdiction_path) do update set generated_at = excluded.generated_at,
          added = vaccination_target_scope.added + excluded.added
        """).params(path, MasterRows.utc(now), added).update();
  }

  /** Records a visit and moves the item. */
  public void visit(UUID person, Visit v, Instant now) {
    jdbc.sql("""
        update vaccination_target set state = :state, closed_reason = :reason,
          closed_at = case when :state = 'CLOSED' then :now end, revisit_on = :revisit, appointment_on = :appointment,
          appointment_site = :site, deferred_until = :until, last_outcome = :outcome, note = :note,
          visits = visits + 1, last_visit_at = :now, visited_by = :by, updated_at = :now
        where person_id = :person
        """).param("state", v.state().name()).param("reason", v.closedReason() == null ? null : v.closedReason().name())
        .param("now", MasterRows.utc(now)).param("revisit", v.revisitOn()).param("appointment", v.appointmentOn())
        .param("site", v.appointmentSite()).param("until", v.deferredUntil()).param("outcome", v.outcome().name())
        .param("note", v.note()).param("by", v.by()).param("person", person).update();
  }

  /** Moves an item that is not closed (an exclusion recorded): closed with a reason, deferred, or waiting for a home
   * visit. */
  public void move(UUID person, TargetState state, ClosedReason reason, LocalDate deferredUntil, Instant now) {
    jdbc.sql("""
        update vaccination_target set state = :state, closed_reason = :reason,
          closed_at = case when :state = 'CLOSED' then :now end, deferred_until = :until, updated_at = :now
        where person_id = :person and state <> 'CLOSED'
        """).param("state", state.name()).param("reason", reason == null ? null : reason.name())
        .param("now", MasterRows.utc(now)).param("until", deferredUntil).param("person", person).update();
  }

  /** Opens an item again that an exclusion closed, deferred or sent to a home visit (the exclusion is lifted). */
  public void reopen(UUID person, Instant now) {
    jdbc.sql("""
        update vaccination_target set state = 'OPEN', closed_reason = null, closed_at = null, deferred_until = null,
          updated_at = ?
        where person_id = ? and (state in ('DEFERRED', 'HOME_SERVICE')
          or closed_reason in ('CONTRAINDICATION', 'REFUSED', 'MOVED_AWAY', 'DECEASED'))
        """).params(MasterRows.utc(now), person).update();
  }

  private static Row map(ResultSet rs) throws SQLException {
    String reason = rs.getString("closed_reason");
    String outcome = rs.getString("last_outcome");
    return new Row(rs.getObject("person_id", UUID.class), rs.getString("jurisdiction_path"),
        rs.getObject("birth_date", LocalDate.class), TargetState.valueOf(rs.getString("state")),
        reason == null ? null : ClosedReason.valueOf(reason),
        MasterRows.instant(rs.getObject("closed_at", OffsetDateTime.class)), rs.getObject("revisit_on",
            LocalDate.class),
        rs.getObject("appointment_on", LocalDate.class), rs.getString("appointment_site"),
        rs.getObject("deferred_until", LocalDate.class), outcome == null ? null : VisitOutcome.valueOf(outcome),
        rs.getString("note"), rs.getInt("visits"), MasterRows.instant(rs.getObject("last_visit_at",
            OffsetDateTime.class)));
  }
}
