package org.epicommand.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserAdministration;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work of a round in the field: which grid worker has which community, the worker's list of
 * households (building by building, unit by unit, with the visit so far) and the not-visited list
 * (不漏一户): every target household without a documented outcome, NOBODY_HOME ones with their
 * revisit time.
 */
@Service
public class ScreeningWork {

  private static final String HOUSEHOLDS = """
      select t.household_id, t.address, t.jurisdiction_code, t.building, t.unit, t.residents, v.id, v.outcome,
             v.visited_at, v.revisit_due_at, a.username
      from screening_target t
      left join screening_visit v on v.round_id = t.round_id and v.household_id = t.household_id
      left join screening_assignment a on a.round_id = t.round_id and a.jurisdiction_code = t.jurisdiction_code
      where t.round_id = :id and %s %s
      order by t.jurisdiction_path, t.building nulls last, t.unit nulls last, t.address, t.household_id
      """;
  private static final String NOT_DOCUMENTED = "and (v.id is null or v.outcome = 'NOBODY_HOME')";

  private final JdbcClient jdbc;
  private final ScreeningRounds rounds;
  private final CurrentUser currentUser;
  private final Jurisdictions jurisdictions;
  private final UserAdministration users;
  private final AuditTrail audit;
  private final java.time.Clock clock;

  ScreeningWork(JdbcClient jdbc, ScreeningRounds rounds, CurrentUser currentUser, Jurisdictions jurisdictions,
      UserAdministration users, AuditTrail audit, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.rounds = rounds;
    this.currentUser = currentUser;
    this.jurisdictions = jurisdictions;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The worker's households: in {@code jurisdiction} when given (404 outside the caller's), else in
   * the communities assigned to the caller in this round, else in the caller's jurisdiction.
   * {@code open}: only those still to visit.
   */
  public PageResult<ScreeningRound.Household> households(UUID id, String jurisdiction, boolean open, Paging paging) {
    rounds.visibleScopes(id);
    UserContext user = currentUser.get();
    JurisdictionScope scope = jurisdictions.narrow(user.scope(), jurisdiction);
    String mineOnly = "";
    if ((jurisdiction == null || jurisdiction.isBlank()) && jdbc.sql(
        "select exists (select 1 from screening_assignment where round_id = ? and username = ?)")
        .params(id, user.username()).query(Boolean.class).single()) {
      mineOnly = "and a.username = :me ";
    }
    String sql = HOUSEHOLDS.formatted(scope.predicate("t.jurisdiction_path"), mineOnly + (open ? NOT_DOCUMENTED : ""))
        + " limit :limit offset :offset";
    return paging.toResult(scope.bind(jdbc.sql(sql)).param("id", id).param("me", user.username())
        .param("limit", paging.fetchSize()).param("offset", paging.offset()).query(ScreeningWork::household).list(),
        null);
  }

  /** The not-visited list of the round inside {@code jurisdiction} (default: the caller's), in list order. */
  public List<ScreeningRound.Household> unvisited(UUID id, String jurisdiction) {
    rounds.visibleScopes(id);
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    return scope.bind(jdbc.sql(HOUSEHOLDS.formatted(scope.predicate("t.jurisdiction_path"), NOT_DOCUMENTED)))
        .param("id", id).query(ScreeningWork::household).list();
  }

  /** One household of the round inside the caller's jurisdiction (404 otherwise). */
  public ScreeningRound.Household household(UUID id, UUID householdId) {
    rounds.visibleScopes(id);
    JurisdictionScope scope = currentUser.get().scope();
    return scope.bind(jdbc.sql(HOUSEHOLDS.formatted(scope.predicate("t.jurisdiction_path"),
        "and t.household_id = :household"))).param("id", id).param("household", householdId)
        .query(ScreeningWork::household).optional().orElseThrow(() -> new RecordNotFound("household"));
  }

  static final List<String> UNVISITED_HEADER = List.of("householdId", "address", "jurisdictionCode", "building",
      "unit", "residents", "outcome", "revisitDueAt", "assignee");

  /** The not-visited list as CSV (UTF-8 with BOM), audited as an export. */
  public byte[] unvisitedCsv(UUID id, String jurisdiction) {
    List<ScreeningRound.Household> rows = unvisited(id, jurisdiction);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (org.epicommand.imports.CsvExport csv = org.epicommand.imports.CsvExport.to(out, UNVISITED_HEADER,
        clock.getZone())) {
      for (ScreeningRound.Household h : rows) {
        csv.row(java.util.Arrays.asList(h.householdId(), h.address(), h.jurisdictionCode(), h.building(), h.unit(),
            h.residents(), h.outcome(), h.revisitDueAt(), h.assignee()));
      }
    }
    audit.record(AuditAction.EXPORT, ScreeningRounds.SUBJECT, id.toString(), "unvisited " + rows.size());
    return out.toByteArray();
  }

  private static ScreeningRound.Household household(ResultSet rs, int n) throws SQLException {
    return new ScreeningRound.Household(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
        (Integer) rs.getObject(4), (Integer) rs.getObject(5), rs.getInt(6), rs.getObject(7, UUID.class),
        rs.getString(8) == null ? null : Visit.Outcome.valueOf(rs.getString(8)),
        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(), rs.getString(11));
  }

  /** The divisions of the round's households inside the caller's jurisdiction, with their grid worker. */
  public List<ScreeningRound.Assignment> assignments(UUID id) {
    rounds.visibleScopes(id);
    JurisdictionScope mine = currentUser.get().scope();
    return mine.bind(jdbc.sql("""
        select t.jurisdiction_code, a.username, a.assigned_at
        from (select jurisdiction_code from screening_target where round_id = :id and %1$s
              union select jurisdiction_code from screening_site where round_id = :id and %1$s) t
        left join screening_assignment a on a.round_id = :id and a.jurisdiction_code = t.jurisdiction_code
        order by t.jurisdiction_code""".formatted(mine.predicate("jurisdiction_path"))).param("id", id))
        .query((rs, n) -> new ScreeningRound.Assignment(rs.getString(1),
            jurisdictions.find(rs.getString(1)).map(Jurisdiction::name).orElse(rs.getString(1)), rs.getString(2),
            rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
        .list();
  }

  /**
   * Assigns a division of the round (a community or grid with target households, inside the caller's
   * jurisdiction; 404 otherwise) to a grid worker whose home jurisdiction holds it (400 otherwise).
   */
  @Transactional
  public ScreeningRound.Assignment assign(UUID id, String jurisdictionCode, String username) {
    rounds.visibleScopes(id);
    UserContext user = currentUser.get();
    Jurisdiction division = jurisdictionCode == null ? null : jurisdictions.find(jurisdictionCode.strip())
        .filter(j -> user.scope().contains(j.path())).orElse(null);
    if (division == null || !jdbc.sql("select exists (select 1 from screening_target where round_id = ?"
        + " and jurisdiction_code = ?) or exists (select 1 from screening_site where round_id = ?"
        + " and jurisdiction_code = ?)").params(id, division.code(), id, division.code()).query(Boolean.class)
        .single()) {
      throw new RecordNotFound("jurisdiction");
    }
    String worker = username == null ? "" : username.strip();
    boolean fits = users.findByUsername(worker).filter(UserAdministration.UserView::enabled)
        .flatMap(u -> u.jurisdictionCode() == null ? java.util.Optional.empty()
            : jurisdictions.find(u.jurisdictionCode()))
        .map(home -> division.path().startsWith(home.path())).orElse(false);
    if (!fits) {
      throw new ValidationFailure(FieldProblem.of("username", "screening.worker"));
    }
    jdbc.sql("""
        insert into screening_assignment (round_id, jurisdiction_code, jurisdiction_path, username, assigned_at,
          assigned_by)
        values (?, ?, ?, ?, ?, ?)
        on conflict (round_id, jurisdiction_code) do update set username = excluded.username,
          assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by
        """).params(id, division.code(), division.path(), worker, java.sql.Timestamp.from(clock.instant()),
        user.username()).update();
    audit.record(AuditAction.UPDATE, ScreeningRounds.SUBJECT, id.toString(), "ASSIGN " + division.code() + " "
        + worker);
    return new ScreeningRound.Assignment(division.code(), division.name(), worker, clock.instant());
  }
}
