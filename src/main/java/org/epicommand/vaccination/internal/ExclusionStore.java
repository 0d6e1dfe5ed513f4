package org.epicommand.vaccination.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.vaccination.Exclusion;
import org.epicommand.vaccination.ExclusionKind;
import org.epicommand.vaccination.ExclusionState;
import org.epicommand.vaccination.NewExclusion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Exclusions ({@code vaccination_exclusion}): contraindications, refusals and the other documented reasons. */
@Repository
public class ExclusionStore {

  /** A stored exclusion and where its person lives. */
  public record Row(Exclusion exclusion, String path) {}

  private final JdbcClient jdbc;

  ExclusionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Row> find(UUID id) {
    return jdbc.sql("select * from vaccination_exclusion where id = ?").params(id).query((rs, n) -> map(rs)).optional();
  }

  public List<Exclusion> ofPerson(UUID person) {
    return jdbc.sql("select * from vaccination_exclusion where person_id = ? order by recorded_at desc")
        .params(person).query((rs, n) -> map(rs).exclusion()).list();
  }

  /** The active exclusion of this kind of the person, if any. */
  public Optional<Exclusion> active(UUID person, ExclusionKind kind) {
    return jdbc.sql("select * from vaccination_exclusion where person_id = ? and kind = ? and state = 'ACTIVE'")
        .params(person, kind.name()).query((rs, n) -> map(rs).exclusion()).optional();
  }

  /** The kinds of the active exclusions of these persons. */
  public Map<UUID, List<ExclusionKind>> activeKinds(Collection<UUID> persons) {
    Map<UUID, List<ExclusionKind>> found = new HashMap<>();
    if (persons.isEmpty()) {
      return found;
    }
    jdbc.sql("select person_id, kind from vaccination_exclusion where person_id = any(?::uuid[]) and state = 'ACTIVE'")
        .params((Object) DoseStore.ids(persons)).query(rs -> {
          found.computeIfAbsent(rs.getObject(1, UUID.class), p -> new java.util.ArrayList<>())
              .add(ExclusionKind.valueOf(rs.getString(2)));
        });
    return found;
  }

  /** Exclusions inside the scope, latest first; {@code state} null: all. */
  public List<Exclusion> list(JurisdictionScope scope, ExclusionState state, long offset, int limit) {
    return scope.bind(jdbc.sql("select * from vaccination_exclusion where " + scope.predicate("jurisdiction_path")
        + (state == null ? "" : " and state = :state") + " order by recorded_at desc, id offset :offset limit :limit"))
        .param("state", state == null ? null : state.name()).param("offset", offset).param("limit", limit)
        .query((rs, n) -> map(rs).exclusion()).list();
  }

  public void insert(UUID id, NewExclusion e, String path, String by, Instant now) {
    jdbc.sql("""
        insert into vaccination_exclusion (id, person_id, jurisdiction_path, kind, reason, evidence, valid_until,
          review_on, state, recorded_by, recorded_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)
        """).params(id, e.personId(), path, e.kind().name(), e.reason(), e.evidence(), e.validUntil(), e.reviewOn(), by,
            MasterRows.utc(now)).update();
  }

  public void lift(UUID id, String by, Instant now) {
    jdbc.sql("update vaccination_exclusion set state = 'LIFTED', lifted_by = ?, lifted_at = ? where id = ?")
        .params(by, MasterRows.utc(now), id).update();
  }

  private static Row map(ResultSet rs) throws SQLException {
    return new Row(new Exclusion(rs.getString("id"), rs.getString("person_id"),
        ExclusionKind.valueOf(rs.getString("kind")), rs.getString("reason"), rs.getString("evidence"),
        rs.getObject("valid_until", LocalDate.class), rs.getObject("review_on", LocalDate.class),
        ExclusionState.valueOf(rs.getString("state")), rs.getString("recorded_by"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("lifted_by"),
        MasterRows.instant(rs.getObject("lifted_at", OffsetDateTime.class))), rs.getString("jurisdiction_path"));
  }
}
