package org.epicommand.screening;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.Household;
import org.epicommand.person.PersonLookup;
import org.epicommand.screening.ScreeningRound.State;
import org.epicommand.screening.ScreeningRound.Target;
import org.epicommand.screening.internal.ScreeningProperties;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening rounds: launched PLANNED over a scope, started (the registry's households in the scope are
 * taken as the target, batch by batch, with one rollup row per community) and closed — "complete" at
 * the configured coverage. A round exists for a caller whose jurisdiction overlaps its scope; its
 * figures count only the caller's part. Every change is audited.
 */
@Service
public class ScreeningRounds {

  static final String SUBJECT = "SCREENING_ROUND";
  private static final int BATCH = 5000;

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final Jurisdictions jurisdictions;
  private final PersonLookup persons;
  private final AuditTrail audit;
  private final ScreeningProperties properties;
  private final java.time.Clock clock;
  private final SiteSnapshot sites;
  private final ScreeningQuestionnaires questionnaires;

  ScreeningRounds(JdbcClient jdbc, CurrentUser currentUser, Jurisdictions jurisdictions, PersonLookup persons,
      AuditTrail audit, ScreeningProperties properties, java.time.Clock clock, SiteSnapshot sites,
      ScreeningQuestionnaires questionnaires) {
    this.jdbc = jdbc;
    this.sites = sites;
    this.questionnaires = questionnaires;
    this.currentUser = currentUser;
    this.jurisdictions = jurisdictions;
    this.persons = persons;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** Launches a round (PLANNED); all field problems at once; a scope outside the caller's jurisdiction is 403. */
  @Transactional
  public ScreeningRound create(ScreeningRound.New request) {
    UserContext user = currentUser.get();
    List<FieldProblem> problems = new ArrayList<>();
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      problems.add(FieldProblem.of("name", "screening.name"));
    }
    List<Jurisdiction> scopes = scopes(request.scopeCodes(), problems);
    if (request.startsAt() == null) {
      problems.add(FieldProblem.of("startsAt", "screening.instant"));
    }
    if (request.endsAt() == null) {
      problems.add(FieldProblem.of("endsAt", "screening.instant"));
    } else if (request.startsAt() != null && !request.endsAt().isAfter(request.startsAt())) {
      problems.add(FieldProblem.of("endsAt", "screening.window"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (scopes.stream().anyMatch(j -> !user.scope().contains(j.path()))) {
      throw new AccessDeniedException("round scope outside the caller's jurisdiction");
    }
    List<Target> targets = request.targets() == null || request.targets().isEmpty() ? List.of(Target.HOUSEHOLDS)
        : request.targets().stream().distinct().sorted().toList();
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        insert into screening_round (id, name, state, starts_at, ends_at, targets, questionnaire_version, created_at,
          created_by) values (?, ?, 'PLANNED', ?, ?, ?, ?, ?, ?)
        """).params(id, name, request.startsAt(), request.endsAt(),
        String.join(",", targets.stream().map(Enum::name).toList()), questionnaires.current().version(),
        java.sql.Timestamp.from(clock.instant()), user.username()).update();
    for (Jurisdiction scope : scopes) {
      jdbc.sql("insert into screening_round_scope (round_id, jurisdiction_code, jurisdiction_path) values (?, ?, ?)")
          .params(id, scope.code(), scope.path()).update();
    }
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), name);
    return get(id);
  }

  /** The scope's divisions, known and without one inside another. */
  private List<Jurisdiction> scopes(List<String> codes, List<FieldProblem> problems) {
    List<Jurisdiction> scopes = new ArrayList<>();
    if (codes == null || codes.isEmpty() || codes.size() > 1000) {
      problems.add(FieldProblem.of("scopeCodes", "screening.scopeCodes"));
      return scopes;
    }
    for (String code : codes) {
      Optional<Jurisdiction> found = code == null ? Optional.empty() : jurisdictions.find(code.strip());
      if (found.isEmpty()) {
        problems.add(FieldProblem.of("scopeCodes", "jurisdiction.unknown"));
        return scopes;
      }
      scopes.add(found.get());
    }
    return scopes.stream().filter(j -> scopes.stream().noneMatch(o -> o != j && !o.path().equals(j.path())
        && j.path().startsWith(o.path()))).distinct().toList();
  }

  /** The rounds whose scope overlaps the caller's jurisdiction, latest first (at most 200). */
  public List<ScreeningRound> list() {
    JurisdictionScope mine = currentUser.get().scope();
    List<UUID> ids = mine.bind(jdbc.sql("""
        select r.id from screening_round r
        where exists (select 1 from screening_round_scope s where s.round_id = r.id
                      and (%s or :mine like s.jurisdiction_path || '%%'))
        order by r.starts_at desc, r.id limit 200
        """.formatted(mine.predicate("s.jurisdiction_path"))).param("mine", mine.path())).query(UUID.class).list();
    return ids.stream().map(this::load).toList();
  }

  /** A round; 404 when its scope does not overlap the caller's jurisdiction. */
  public ScreeningRound get(UUID id) {
    visibleScopes(id);
    return load(id);
  }

  /**
   * Takes the households of the scope (and its organisations and construction sites, when targeted) as
   * the round's target and opens it for visits.
   */
  @Transactional
  public ScreeningRound start(UUID id) {
    State state = lockedState(id);
    if (state != State.PLANNED) {
      throw Conflict.illegalTransition("screening.roundState", state);
    }
    List<Target> targets = load(id).targets();
    List<JurisdictionScope> householdScopes = targets.contains(Target.HOUSEHOLDS) ? wholeScope(id) : List.of();
    for (JurisdictionScope scope : householdScopes) {
      Household after = null;
      for (List<Household> batch = persons.households(scope, null, BATCH); !batch.isEmpty();
          batch = persons.households(scope, after, BATCH)) {
        insertTargets(id, batch);
        after = batch.get(batch.size() - 1);
      }
    }
    jdbc.sql("""
        insert into screening_rollup (round_id, jurisdiction_path, households, residents)
        select round_id, jurisdiction_path, count(*), sum(residents) from screening_target where round_id = ?
        group by round_id, jurisdiction_path
        """).param(id).update();
    sites.snapshot(id, targets, wholeScope(id));
    jdbc.sql("update screening_round set state = 'RUNNING', started_at = ? where id = ?")
        .params(java.sql.Timestamp.from(clock.instant()), id).update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "START");
    return load(id);
  }

  private void insertTargets(UUID id, List<Household> batch) {
    jdbc.sql("""
        insert into screening_target (round_id, household_id, address, jurisdiction_code, jurisdiction_path,
          building, unit, residents)
        select ?, h, a, c, p, b, u, r
        from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[]) as x(h, a, c, p, b, u, r)
        on conflict do nothing
        """).params(id, batch.stream().map(Household::id).toArray(UUID[]::new),
        batch.stream().map(Household::address).toArray(String[]::new),
        batch.stream().map(Household::jurisdictionCode).toArray(String[]::new),
        batch.stream().map(Household::jurisdictionPath).toArray(String[]::new),
        batch.stream().map(Household::building).toArray(Integer[]::new),
        batch.stream().map(Household::unit).toArray(Integer[]::new),
        batch.stream().map(Household::residents).toArray(Integer[]::new)).update();
  }

  /** Closes a running round; it closes "complete" when its coverage reaches the configured share. */
  @Transactional
  public ScreeningRound close(UUID id) {
    State state = lockedState(id);
    if (state != State.RUNNING) {
      throw Conflict.illegalTransition("screening.roundState", state);
    }
    long[] totals = jdbc.sql("select coalesce(sum(households + sites), 0),"
        + " coalesce(sum(documented + sites_documented), 0) from screening_rollup where round_id = ?").param(id).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    boolean complete = totals[0] == 0 || totals[1] >= Math.ceil(totals[0] * properties.completeAt());
    jdbc.sql("update screening_round set state = 'CLOSED', closed_at = ?, closed_complete = ? where id = ?")
        .params(java.sql.Timestamp.from(clock.instant()), complete, id).update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), complete ? "CLOSE COMPLETE" : "CLOSE INCOMPLETE");
    return load(id);
  }

  /** The round's state, the row locked; 404 when the caller cannot see the round. */
  State lockedState(UUID id) {
    visibleScopes(id);
    JurisdictionScope mine = currentUser.get().scope();
    if (wholeScope(id).stream().anyMatch(s -> !mine.contains(s.path()))) {
      throw new AccessDeniedException("round scope outside the caller's jurisdiction");
    }
    return State.valueOf(jdbc.sql("select state from screening_round where id = ? for update").param(id)
        .query(String.class).single());
  }

  private List<JurisdictionScope> wholeScope(UUID id) {
    return jdbc.sql("select jurisdiction_code, jurisdiction_path from screening_round_scope where round_id = ?")
        .param(id).query((rs, n) -> new JurisdictionScope(rs.getString(1), rs.getString(2))).list();
  }

  /**
   * The parts of the round's scope the caller may see: each scope inside the caller's jurisdiction,
   * or the caller's own jurisdiction where it lies inside a scope. None: 404.
   */
  List<JurisdictionScope> visibleScopes(UUID id) {
    JurisdictionScope mine = currentUser.get().scope();
    List<JurisdictionScope> visible = new ArrayList<>();
    for (JurisdictionScope scope : wholeScope(id)) {
      JurisdictionScope part = mine.contains(scope.path()) ? scope : scope.contains(mine.path()) ? mine : null;
      if (part != null && !visible.contains(part)) {
        visible.add(part);
      }
    }
    if (visible.isEmpty()) {
      throw new RecordNotFound("screening round");
    }
    return visible;
  }

  private ScreeningRound load(UUID id) {
    List<JurisdictionScope> visible = visibleScopes(id);
    long[] sums = new long[5];
    for (JurisdictionScope scope : visible) {
      long[] t = scope.bind(jdbc.sql("""
          select coalesce(sum(households), 0), coalesce(sum(documented), 0), coalesce(sum(sites), 0),
                 coalesce(sum(sites_documented), 0), coalesce(sum(leaflets), 0) from screening_rollup
          where round_id = :id and %s""".formatted(scope.predicate("jurisdiction_path"))).param("id", id))
          .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
          .single();
      for (int i = 0; i < sums.length; i++) {
        sums[i] += t[i];
      }
    }
    List<String> codes = wholeScope(id).stream().map(JurisdictionScope::code).sorted().toList();
    return jdbc.sql("""
        select name, state, starts_at, ends_at, targets, questionnaire_version, closed_complete
        from screening_round where id = ?""").param(id).query((rs, n) -> {
          State state = State.valueOf(rs.getString(2));
          return new ScreeningRound(id, rs.getString(1), state, codes, rs.getTimestamp(3).toInstant(),
              rs.getTimestamp(4).toInstant(), Arrays.stream(rs.getString(5).split(",")).map(Target::valueOf).toList(),
              rs.getInt(6), sums[0], sums[1],
              state == State.PLANNED ? null : percent(sums[1] + sums[3], sums[0] + sums[2]),
              (Boolean) rs.getObject(7), sums[2], sums[3], sums[4]);
        }).single();
  }

  static Double percent(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }

  /**
   * Coverage per division of {@code level} (default VILLAGE: the communities) inside the round's
   * scope and the caller's jurisdiction, in code order: one query over the rollup rows.
   */
  public List<ScreeningRound.Coverage> coverage(UUID id, String level) {
    org.epicommand.jurisdiction.JurisdictionLevel unitLevel;
    try {
      unitLevel = org.epicommand.jurisdiction.JurisdictionLevel.valueOf(
          level == null || level.isBlank() ? "VILLAGE" : level.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationFailure(FieldProblem.of("level", "screening.level"));
    }
    List<Jurisdiction> units = new ArrayList<>();
    for (JurisdictionScope scope : visibleScopes(id)) {
      units.addAll(jurisdictions.descendantsAt(scope, unitLevel));
    }
    java.util.Map<String, long[]> sums = new java.util.HashMap<>();
    jdbc.sql("""
        select u.path, sum(r.households), sum(r.documented), sum(r.all_seen), sum(r.nobody_home), sum(r.residents),
               sum(r.persons_seen), sum(r.sites), sum(r.sites_documented), sum(r.leaflets), sum(r.vulnerable)
        from unnest(?::text[]) as u(path)
        join screening_rollup r on r.round_id = ? and r.jurisdiction_path like u.path || '%'
        group by u.path
        """).params(units.stream().map(Jurisdiction::path).toArray(String[]::new), id).query(rs -> {
          sums.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
              rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)});
        });
    return units.stream().sorted(java.util.Comparator.comparing(Jurisdiction::code)).map(u -> {
      long[] s = sums.getOrDefault(u.path(), new long[10]);
      return new ScreeningRound.Coverage(u.code(), u.name(), s[0], s[1], s[2], s[3], percent(s[1] + s[7], s[0] + s[6]),
          s[4], s[5], s[6], s[7], s[8], s[9]);
    }).toList();
  }

  /** The instant a round was found running, for the visit rules. */
  Instant now() {
    return clock.instant();
  }
}
