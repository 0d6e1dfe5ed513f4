package org.epicommand.movement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.movement.DistrictKpi;
import org.epicommand.movement.PushedItem;
import org.epicommand.movement.PushedItemDetail;
import org.epicommand.movement.PushedItemState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pushed-item table. Every read takes a scope on {@code jurisdiction_path}; the deadlines are
 * computed in SQL from the push time, so the list and the KPIs agree with each other.
 */
@Repository
public class PushedItemStore {

  /** Overdue: unsigned past the signing deadline, or no feedback past the feedback deadline. */
  static final String OVERDUE = "((i.state = 'PUSHED' and i.pushed_at + make_interval(secs => :signSecs) < :now)"
      + " or (i.state not in ('FEEDBACK_SENT', 'AUDITED') and i.pushed_at + make_interval(secs => :feedbackSecs) < :now))";

  /** A listed item with the pushed name, for the staff pages (names stay readable for staff, docs/domain.md §3). */
  public record Listed(PushedItem item, String name) {}

  private final JdbcClient jdbc;
  private final MovementProperties properties;
  private final java.time.ZoneId zone;

  PushedItemStore(JdbcClient jdbc, MovementProperties properties, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.zone = clock.getZone();
  }

  public List<Listed> list(JurisdictionScope scope, PushedItemState state, Boolean overdue, Instant now,
      long offset, int limit) {
    String sql = "select i.*, " + OVERDUE + " as overdue from pushed_item i where "
        + scope.predicate("i.jurisdiction_path")
        + (state == null ? "" : " and i.state = :state")
        + (overdue == null ? "" : (overdue ? " and " : " and not ") + OVERDUE)
        + " order by i.pushed_at desc, i.id offset :offset limit :limit";
    JdbcClient.StatementSpec spec = deadlines(scope.bind(jdbc.sql(sql)), now).param("offset", offset).param("limit",
        limit);
    if (state != null) {
      spec = spec.param("state", state.name());
    }
    return spec.query((rs, n) -> new Listed(item(rs, n), rs.getString("name"))).list();
  }

  /** The items matched to a person inside a scope, newest push first. */
  public List<Listed> ofPerson(UUID personId, JurisdictionScope scope, Instant now, int limit) {
    return deadlines(scope.bind(jdbc.sql("select i.*, " + OVERDUE + " as overdue from pushed_item i where"
        + " i.person_id = :p and " + scope.predicate("i.jurisdiction_path")
            + " order by i.pushed_at desc, i.id limit :limit")),
        now).param("p", personId).param("limit", limit).query((rs, n) -> new Listed(item(rs, n), rs.getString("name")))
        .list();
  }

  public Optional<PushedItemDetail> find(UUID id, JurisdictionScope scope, Instant now) {
    return deadlines(scope.bind(jdbc.sql("select i.*, " + OVERDUE
        + " as overdue from pushed_item i where i.id = :id and "
        + scope.predicate("i.jurisdiction_path"))), now).param("id", id)
        .query((rs, n) -> new PushedItemDetail(item(rs, n), rs.getString("name"), rs.getString("id_type"),
            rs.getString("id_number"), rs.getString("phone"), rs.getString("reason"), rs.getString("source_region"),
            rs.getString("matched_by"), rs.getString("outcome") == null ? null
                : PushedItemState.valueOf(rs.getString("outcome")),
            rs.getString("note"), time(rs, "signed_at"), time(rs, "outcome_at"), time(rs, "feedback_at")))
        .optional();
  }

  /** Moves an item from {@code from} to {@code to}; false when it is no longer in {@code from}. */
  public boolean move(UUID id, PushedItemState from, PushedItemState to, String note, Instant now) {
    String stamp = switch (to) {
      case SIGNED -> ", signed_at = :now";
      case LANDED, NOT_FOUND, TRANSFERRED_OUT, EXCLUDED -> ", outcome = :to, outcome_at = :now";
      case FEEDBACK_SENT -> ", feedback_at = :now";
      default -> "";
    };
    return jdbc.sql("update pushed_item set state = :to, updated_at = :now, note = coalesce(:note, note)" + stamp
            + " where id = :id and state = :from")
        .param("to", to.name()).param("now", Timestamp.from(now)).param("note", note).param("id", id)
        .param("from", from.name()).update() == 1;
  }

  /** Open items (no feedback yet) inside the scope, the oldest push (the nearest deadline) first. */
  public List<Listed> open(JurisdictionScope scope, Instant now, long offset, int limit) {
    String sql = "select i.*, " + OVERDUE + " as overdue from pushed_item i where "
        + scope.predicate("i.jurisdiction_path")
        + " and i.state not in ('FEEDBACK_SENT', 'AUDITED') order by i.pushed_at, i.id offset :offset limit :limit";
    return deadlines(scope.bind(jdbc.sql(sql)), now).param("offset", offset).param("limit", limit)
        .query((rs, n) -> new Listed(item(rs, n), rs.getString("name"))).list();
  }

  /**
   * Open items no community holds yet: unmatched names routed to a desk (a division above the village
   * level, codes shorter than the 12 digits of a community), newest push first.
   */
  public List<Listed> atDesk(JurisdictionScope scope, Instant now, long offset, int limit) {
    String sql = "select i.*, " + OVERDUE + " as overdue from pushed_item i where "
        + scope.predicate("i.jurisdiction_path")
        + " and i.person_id is null and length(i.jurisdiction_code) < 12 and i.state not in ('FEEDBACK_SENT', 'AUDITED')"
        + " order by i.pushed_at desc, i.id offset :offset limit :limit";
    return deadlines(scope.bind(jdbc.sql(sql)), now).param("offset", offset).param("limit", limit)
        .query((rs, n) -> new Listed(item(rs, n), rs.getString("name"))).list();
  }

  /** Routes an item to another division (and person, when matched by the desk); false when it is closed. */
  public boolean reroute(UUID id, UUID personId, String matchedBy, String code, String path, Instant now) {
    return jdbc.sql("update pushed_item set person_id = coalesce(:person, person_id), matched_by = :by,"
            + " jurisdiction_code = :code, jurisdiction_path = :path, updated_at = :now"
            + " where id = :id and state not in ('FEEDBACK_SENT', 'AUDITED')")
        .param("person", personId).param("by", matchedBy).param("code", code).param("path", path)
        .param("now", Timestamp.from(now)).param("id", id).update() == 1;
  }

  /** One item, for demo data: pushed at {@code pushedAt} and already in {@code state}. */
  public void insertDemo(String listRef, String idNumber, String name, String personId, String code, String path,
      Instant pushedAt, PushedItemState state) {
    jdbc.sql("""
        insert into pushed_item (id, list_ref, doc_key, id_type, id_number, name, reason, source_region, pushed_at,
          person_id, matched_by, jurisdiction_code, jurisdiction_path, state, signed_at, updated_at)
        values (:id, :list, :doc, 'RESIDENT_ID', :number, :name, '涉疫地区停留', '990101', :at, :person, 'DOCUMENT',
          :code, :path, :state, :signed, :at)
        on conflict do nothing
        """).param("id", UUID.randomUUID()).param("list", listRef).param("doc", "RESIDENT_ID:" + idNumber)
        .param("number", idNumber).param("name", name).param("at", Timestamp.from(pushedAt))
        .param("person", UUID.fromString(personId)).param("code", code).param("path", path)
        .param("state", state.name())
        .param("signed", state == PushedItemState.PUSHED ? null : Timestamp.from(pushedAt)).update();
  }

  /** Pushed, signed, landed and overdue per district (one row per given district path). */
  public List<DistrictKpi> kpis(List<String> codes, List<String> names, List<String> paths, JurisdictionScope scope,
      Instant now) {
    return deadlines(scope.bind(jdbc.sql("""
        select d.code, d.name,
               count(i.id) as pushed,
               count(i.id) filter (where i.state <> 'PUSHED') as signed,
               count(i.id) filter (where i.state = 'LANDED' or i.outcome = 'LANDED') as landed,
               count(i.id) filter (where %s) as overdue
        from unnest(:codes::text[], :names::text[], :paths::text[]) with ordinality as d(code, name, path, ord)
        left join pushed_item i on i.jurisdiction_path like d.path || '%%' and %s
        group by d.code, d.name, d.ord order by d.ord
        """.formatted(OVERDUE, scope.predicate("i.jurisdiction_path")))), now)
        .param("codes", codes.toArray(String[]::new)).param("names", names.toArray(String[]::new))
        .param("paths", paths.toArray(String[]::new))
        .query((rs, n) -> new DistrictKpi(rs.getString("code"), rs.getString("name"), rs.getLong("pushed"),
            rs.getLong("signed"), rs.getLong("landed"), rs.getLong("overdue"))).list();
  }

  private JdbcClient.StatementSpec deadlines(JdbcClient.StatementSpec spec, Instant now) {
    return spec.param("signSecs", (double) properties.signWithin().toSeconds())
        .param("feedbackSecs", (double) properties.feedbackWithin().toSeconds()).param("now", Timestamp.from(now));
  }

  private PushedItem item(ResultSet rs, int n) throws SQLException {
    PushedItemState state = PushedItemState.valueOf(rs.getString("state"));
    OffsetDateTime pushedAt = time(rs, "pushed_at");
    Duration due = state == PushedItemState.PUSHED ? properties.signWithin() : properties.feedbackWithin();
    Object person = rs.getObject("person_id");
    return new PushedItem(rs.getString("id"), rs.getString("list_ref"), person == null ? null : person.toString(),
        rs.getString("jurisdiction_code"), state, pushedAt, pushedAt.plus(due), rs.getBoolean("overdue"));
  }

  /** Instants with the city's offset, so that pages and clients read local times. */
  private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant().atZone(zone).toOffsetDateTime();
  }
}
