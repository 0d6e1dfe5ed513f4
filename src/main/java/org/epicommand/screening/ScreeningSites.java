package org.epicommand.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sites of a round (入单位): the directory's organisations taken when the round started
 * ({@link SiteSnapshot}); rentals and sites missing from the directory are added by the worker who finds
 * them while the round runs. Lists per division and kind, with the grid worker of the
 * division, and the never-visited list (CLOSED ones with their revisit time).
 */
@Service
public class ScreeningSites {

  private static final String SITES = """
      select s.id, s.round_id, s.kind, s.organisation_id, s.credit_code, s.name, s.address, s.jurisdiction_code,
             s.headcount, s.contact_name, s.contact_phone, v.id, v.outcome, v.visited_at, v.revisit_due_at, a.username
      from screening_site s
      left join screening_site_visit v on v.round_id = s.round_id and v.site_id = s.id
      left join screening_assignment a on a.round_id = s.round_id and a.jurisdiction_code = s.jurisdiction_code
      where s.round_id = :id and %s %s
      order by s.jurisdiction_path, s.kind, s.name, s.id
      """;
  private static final String NOT_DOCUMENTED = "and (v.id is null or v.outcome = 'CLOSED')";

  private final JdbcClient jdbc;
  private final ScreeningRounds rounds;
  private final CurrentUser currentUser;
  private final Jurisdictions jurisdictions;
  private final AuditTrail audit;

  ScreeningSites(JdbcClient jdbc, ScreeningRounds rounds, CurrentUser currentUser, Jurisdictions jurisdictions,
      AuditTrail audit) {
    this.jdbc = jdbc;
    this.rounds = rounds;
    this.currentUser = currentUser;
    this.jurisdictions = jurisdictions;
    this.audit = audit;
  }

  /**
   * Adds a rental or a construction site found in the field to a RUNNING round that targets its kind
   * (409 otherwise); 404 for a division outside the round or the caller's jurisdiction; 409 with
   * {@code existingId} for a place already on the list (same division, kind and name).
   */
  @Transactional
  public Site add(UUID roundId, Site.New request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request == null || request.kind() == null || request.kind() == Site.Kind.ORGANISATION) {
      problems.add(FieldProblem.of("kind", "screening.siteKind"));
    }
    String name = request == null || request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      problems.add(FieldProblem.of("name", "screening.siteName"));
    }
    if (request != null && request.address() != null && request.address().length() > 200) {
      problems.add(FieldProblem.of("address", "screening.tooLong"));
    }
    if (request == null || request.headcount() == null || request.headcount() < 0 || request.headcount() > 100_000) {
      problems.add(FieldProblem.of("headcount", "screening.headcount"));
    }
    if (request != null && (length(request.contactName()) > 50 || length(request.contactPhone()) > 24)) {
      problems.add(FieldProblem.of("contactPhone", "screening.tooLong"));
    }
    if (request == null || request.jurisdictionCode() == null || request.jurisdictionCode().isBlank()) {
      problems.add(FieldProblem.of("jurisdictionCode", "screening.required"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    ScreeningRound round = rounds.get(roundId);
    ScreeningRound.State state = round.state();
    UserContext user = currentUser.get();
    Jurisdiction division = jurisdictions.find(request.jurisdictionCode().strip())
        .filter(j -> user.scope().contains(j.path()))
        .filter(j -> rounds.visibleScopes(roundId).stream().anyMatch(s -> s.contains(j.path())))
        .orElseThrow(() -> new RecordNotFound("jurisdiction"));
    if (state != ScreeningRound.State.RUNNING) {
      throw Conflict.illegalTransition("screening.roundNotRunning", state);
    }
    if (!round.targets().contains(request.kind().target())) {
      throw Conflict.naming("screening.notTargeted", request.kind().target().name());
    }
    UUID id = UUID.randomUUID();
    boolean inserted = jdbc.sql("""
        insert into screening_site (id, round_id, kind, name, address, jurisdiction_code, jurisdiction_path, headcount,
          contact_name, contact_phone, added_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (round_id, jurisdiction_code, kind, name) do nothing
        """).params(id, roundId, request.kind().name(), name, strip(request.address()), division.code(),
        division.path(), request.headcount(), strip(request.contactName()), strip(request.contactPhone()),
        user.username()).update() == 1;
    if (!inserted) {
      UUID existing = jdbc.sql("select id from screening_site where round_id = ? and jurisdiction_code = ?"
          + " and kind = ? and name = ?").params(roundId, division.code(), request.kind().name(), name)
          .query(UUID.class).single();
      throw Conflict.duplicate("screening.siteListed", existing.toString());
    }
    jdbc.sql("""
        insert into screening_rollup (round_id, jurisdiction_path, households, residents, sites) values (?, ?, 0, 0, 1)
        on conflict (round_id, jurisdiction_path) do update set sites = screening_rollup.sites + 1
        """).params(roundId, division.path()).update();
    audit.record(AuditAction.CREATE, ScreeningRounds.SUBJECT, roundId.toString(), "SITE " + request.kind() + " " + id);
    return get(roundId, id);
  }

  /**
   * The round's sites: in {@code jurisdiction} when given (404 outside the caller's), else in the
   * divisions assigned to the caller in this round, else in the caller's jurisdiction; of one kind
   * when given; {@code open}: only those still to visit.
   */
  public PageResult<Site> list(UUID roundId, String jurisdiction, Site.Kind kind, boolean open, Paging paging) {
    rounds.visibleScopes(roundId);
    UserContext user = currentUser.get();
    JurisdictionScope scope = jurisdictions.narrow(user.scope(), jurisdiction);
    String filter = "";
    if ((jurisdiction == null || jurisdiction.isBlank()) && jdbc.sql(
        "select exists (select 1 from screening_assignment where round_id = ? and username = ?)")
        .params(roundId, user.username()).query(Boolean.class).single()) {
      filter = "and a.username = :me ";
    }
    if (kind != null) {
      filter += "and s.kind = :kind ";
    }
    String sql = SITES.formatted(scope.predicate("s.jurisdiction_path"), filter + (open ? NOT_DOCUMENTED : ""))
        + " limit :limit offset :offset";
    Map<String, String> names = new HashMap<>();
    return paging.toResult(scope.bind(jdbc.sql(sql)).param("id", roundId).param("me", user.username())
        .param("kind", kind == null ? "" : kind.name()).param("limit", paging.fetchSize())
        .param("offset", paging.offset()).query((rs, n) -> site(rs, names)).list(), null);
  }

  /** The never-visited sites of the round inside {@code jurisdiction} (default: the caller's), in list order. */
  public List<Site> unvisited(UUID roundId, String jurisdiction) {
    rounds.visibleScopes(roundId);
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    Map<String, String> names = new HashMap<>();
    return scope.bind(jdbc.sql(SITES.formatted(scope.predicate("s.jurisdiction_path"), NOT_DOCUMENTED)))
        .param("id", roundId).query((rs, n) -> site(rs, names)).list();
  }

  /** A site of the round inside the caller's jurisdiction (404 otherwise). */
  public Site get(UUID roundId, UUID siteId) {
    rounds.visibleScopes(roundId);
    JurisdictionScope scope = currentUser.get().scope();
    return scope.bind(jdbc.sql(SITES.formatted(scope.predicate("s.jurisdiction_path"), "and s.id = :site")))
        .param("id", roundId).param("site", siteId).query((rs, n) -> site(rs, new HashMap<>())).optional()
        .orElseThrow(() -> new RecordNotFound("site"));
  }

  private Site site(ResultSet rs, Map<String, String> names) throws SQLException {
    String code = rs.getString(8);
    return new Site(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Site.Kind.valueOf(rs.getString(3)),
        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), code,
        names.computeIfAbsent(code, c -> jurisdictions.find(c).map(Jurisdiction::name).orElse(c)), rs.getInt(9),
        rs.getString(10), rs.getString(11), rs.getObject(12, UUID.class),
        rs.getString(13) == null ? null : SiteVisit.Outcome.valueOf(rs.getString(13)),
        rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(),
        rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toInstant(), rs.getString(16));
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }

  private static String strip(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
