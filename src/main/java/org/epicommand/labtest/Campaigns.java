package org.epicommand.labtest;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PersonLookup;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mass-testing campaigns and their coverage. The target population is the residents of the scope,
 * counted per jurisdiction path when the campaign starts; the tube import keeps a tested counter per
 * path (each person once per campaign), so coverage of every community reads one row per path.
 */
@Service
public class Campaigns {

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final Jurisdictions jurisdictions;
  private final PersonLookup persons;
  private final Clock clock;

  Campaigns(JdbcClient jdbc, CurrentUser currentUser, Jurisdictions jurisdictions, PersonLookup persons, Clock clock) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.jurisdictions = jurisdictions;
    this.persons = persons;
    this.clock = clock;
  }

  @Transactional
  public Campaign create(NewCampaign request) {
    UserContext user = currentUser.get();
    List<FieldProblem> problems = new ArrayList<>();
    String name = request.name() == null ? null : request.name().strip();
    if (name == null || name.isEmpty() || name.length() > 100) {
      problems.add(FieldProblem.of("name", "labtest.campaignName"));
    }
    List<Jurisdiction> scopes = new ArrayList<>();
    if (request.scopeCodes() == null || request.scopeCodes().isEmpty() || request.scopeCodes().size() > 1000) {
      problems.add(FieldProblem.of("scopeCodes", "labtest.scopeCodes"));
    } else {
      for (String code : request.scopeCodes()) {
        var found = code == null ? java.util.Optional.<Jurisdiction>empty() : jurisdictions.find(code.strip());
        if (found.isEmpty()) {
          problems.add(FieldProblem.of("scopeCodes", "jurisdiction.unknown"));
          break;
        }
        if (scopes.stream().noneMatch(j -> j.code().equals(found.get().code()))) {
          scopes.add(found.get());
        }
      }
    }
    if (request.startsAt() == null) {
      problems.add(FieldProblem.of("startsAt", "labtest.instant"));
    }
    if (request.endsAt() == null) {
      problems.add(FieldProblem.of("endsAt", "labtest.instant"));
    } else if (request.startsAt() != null && !request.endsAt().isAfter(request.startsAt())) {
      problems.add(FieldProblem.of("endsAt", "labtest.window"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (scopes.stream().anyMatch(j -> !user.scope().contains(j.path()))) {
      throw new AccessDeniedException("campaign scope outside the caller's jurisdiction");
    }
    UUID id = UUID.randomUUID();
    Instant startsAt = request.startsAt().toInstant();
    Instant endsAt = request.endsAt().toInstant();
    jdbc.sql("""
        insert into labtest_campaign (id, name, starts_at, ends_at, created_at, created_by, risk_level, drill)
        values (?, ?, ?, ?, ?, ?, ?, ?)
        """).params(id, name, request.startsAt(), request.endsAt(), OffsetDateTime.now(clock), user.username(),
        request.riskLevel() == null ? null : request.riskLevel().name(), request.isDrill()).update();
    jdbc.sql("insert into labtest_campaign_round (campaign_id, number, starts_at, ends_at) values (?, 1, ?, ?)")
        .params(id, request.startsAt(), request.endsAt()).update();
    Map<String, Long> residents = new HashMap<>();
    for (Jurisdiction scope : scopes) {
      jdbc.sql(
          "insert into labtest_campaign_scope (campaign_id, jurisdiction_code, jurisdiction_path) values (?, ?, ?)")
          .params(id, scope.code(), scope.path()).update();
      residents.putAll(persons.residentsByPath(scope.scope()));
    }
    String[] paths = residents.keySet().toArray(String[]::new);
    Long[] counts = residents.keySet().stream().map(residents::get).toArray(Long[]::new);
    jdbc.sql("""
        insert into labtest_campaign_population (campaign_id, jurisdiction_path, residents)
        select ?, p, c from unnest(?::text[], ?::bigint[]) as x(p, c)
        """).params(id, (Object) paths, (Object) counts).update();
    // tubes sampled in the window before the campaign was entered count too; a drill counts none
    if (!request.isDrill()) {
      countTested(id, request.startsAt(), request.endsAt());
    }
    return new Campaign(id, name, scopes.stream().map(Jurisdiction::code).toList(), startsAt, endsAt,
        request.riskLevel(), List.of(new CampaignRound(1, startsAt, endsAt)));
  }

  /**
   * Counts the persons sampled in {@code [from, to)} inside the scope as tested, each once per campaign; a drill
   * campaign counts none.
   */
  private void countTested(UUID id, OffsetDateTime from, OffsetDateTime to) {
    jdbc.sql("""
        with sampled as (
          select distinct on (m.person_id) m.person_id, m.jurisdiction_path
          from labtest_tube t join labtest_tube_member m on m.tube_id = t.id
          join labtest_campaign_scope cs on cs.campaign_id = :id and m.jurisdiction_path like cs.jurisdiction_path ||
            '%'
          where t.collected_at >= :startsAt and t.collected_at < :endsAt
            and not exists (select 1 from labtest_campaign d where d.id = :id and d.drill)
          order by m.person_id),
        tested as (
          insert into labtest_campaign_tested (campaign_id, person_id)
          select :id, person_id from sampled on conflict do nothing returning person_id)
        insert into labtest_campaign_population as p (campaign_id, jurisdiction_path, residents, tested)
        select :id, s.jurisdiction_path, 0, count(*) from tested t join sampled s on s.person_id = t.person_id
        group by s.jurisdiction_path
        on conflict (campaign_id, jurisdiction_path) do update set tested = p.tested + excluded.tested
        """).param("id", id).param("startsAt", from).param("endsAt", to).update();
  }

  /**
   * Coverage per jurisdiction of {@code level} inside the campaign's scope and the caller's
   * jurisdiction. A campaign with no scope overlapping the caller's jurisdiction does not exist for them.
   */
  public List<CoverageRow> coverage(UUID campaignId, String level) {
    JurisdictionLevel unitLevel;
    try {
      unitLevel = JurisdictionLevel.valueOf(level == null ? "VILLAGE" : level.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationFailure(FieldProblem.of("level", "labtest.level"));
    }
    List<JurisdictionScope> visible = visibleScopes(campaignId);
    Map<String, long[]> units = new LinkedHashMap<>();
    Map<String, String> codes = new HashMap<>();
    for (JurisdictionScope scope : visible) {
      for (Jurisdiction unit : jurisdictions.descendantsAt(scope, unitLevel)) {
        units.putIfAbsent(unit.path(), new long[2]);
        codes.put(unit.path(), unit.code());
      }
    }
    for (JurisdictionScope scope : visible) {
      scope.bind(jdbc.sql("""
          select jurisdiction_path, residents, tested from labtest_campaign_population
          where campaign_id = :campaign and %s
          """.formatted(scope.predicate("jurisdiction_path"))).param("campaign", campaignId)).query(rs -> {
            long[] unit = unitOf(units, rs.getString(1));
            if (unit != null) {
              unit[0] += rs.getLong(2);
              unit[1] += rs.getLong(3);
            }
          });
    }
    return units.entrySet().stream()
        .map(e -> new CoverageRow(codes.get(e.getKey()), e.getValue()[0], e.getValue()[1],
            Math.max(0, e.getValue()[0] - e.getValue()[1])))
        .sorted(java.util.Comparator.comparing(CoverageRow::jurisdictionCode)).toList();
  }

  /** The unit whose path is a prefix of {@code path} (path segments end with '/'). */
  private static long[] unitOf(Map<String, long[]> units, String path) {
    for (int i = path.indexOf('/', 1); i >= 0; i = path.indexOf('/', i + 1)) {
      long[] unit = units.get(path.substring(0, i + 1));
      if (unit != null) {
        return unit;
      }
    }
    return null;
  }

  /**
   * The parts of the campaign's scope the caller may see: each scope inside the caller's jurisdiction,
   * or the caller's jurisdiction where it lies inside a scope. None: the campaign does not exist for them (404).
   */
  List<JurisdictionScope> visibleScopes(UUID campaignId) {
    JurisdictionScope mine = currentUser.get().scope();
    List<String[]> scopes = jdbc.sql(
        "select jurisdiction_code, jurisdiction_path from labtest_campaign_scope where campaign_id = ?")
        .param(campaignId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    List<JurisdictionScope> visible = new ArrayList<>();
    for (String[] s : scopes) {
      if (mine.contains(s[1])) {
        visible.add(new JurisdictionScope(s[0], s[1]));
      } else if (s[1].startsWith("/") && mine.path().startsWith(s[1]) && !visible.contains(mine)) {
        visible.add(mine);
      }
    }
    if (visible.isEmpty()) {
      throw new RecordNotFound("campaign");
    }
    return visible;
  }

  /** The campaigns whose scope overlaps the caller's jurisdiction, latest first (at most 200); three queries in all. */
  public List<Campaign> list() {
    JurisdictionScope mine = currentUser.get().scope();
    record Row(UUID id, String name, List<String> codes, Instant startsAt, Instant endsAt, String risk) {}
    List<Row> rows = mine.bind(jdbc.sql("""
        select c.id, c.name, c.starts_at, c.ends_at, c.risk_level,
               (select array_agg(s.jurisdiction_code order by s.jurisdiction_code) from labtest_campaign_scope s
                where s.campaign_id = c.id)
        from labtest_campaign c
        where exists (select 1 from labtest_campaign_scope cs where cs.campaign_id = c.id
                      and (%s or :mine like cs.jurisdiction_path || '%%'))
        order by c.starts_at desc, c.id limit 200
        """.formatted(mine.predicate("cs.jurisdiction_path"))).param("mine", mine.path()))
        .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2),
            List.of((String[]) rs.getArray(6).getArray()), rs.getTimestamp(3).toInstant(),
            rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
    Map<UUID, List<CampaignRound>> rounds = new HashMap<>();
    jdbc.sql("""
        select campaign_id, number, starts_at, ends_at from labtest_campaign_round
        where campaign_id = any(?::uuid[]) order by campaign_id, number
        """).param((Object) rows.stream().map(r -> r.id().toString()).toArray(String[]::new)).query(rs -> {
          rounds.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new CampaignRound(
              rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()));
        });
    return rows.stream().map(r -> new Campaign(r.id(), r.name(), r.codes(), r.startsAt(), r.endsAt(),
        r.risk() == null ? null : AreaRisk.valueOf(r.risk()), rounds.getOrDefault(r.id(), List.of()))).toList();
  }

  /** A campaign with its rounds; 404 when its scope does not overlap the caller's jurisdiction. */
  public Campaign get(UUID id) {
    visibleScopes(id);
    return load(id);
  }

  private Campaign load(UUID id) {
    List<String> codes = jdbc.sql(
        "select jurisdiction_code from labtest_campaign_scope where campaign_id = ? order by 1")
        .param(id).query(String.class).list();
    List<CampaignRound> rounds = jdbc.sql("""
        select number, starts_at, ends_at from labtest_campaign_round where campaign_id = ? order by number
        """).param(id).query((rs, n) -> new CampaignRound(rs.getInt(1), rs.getTimestamp(2).toInstant(),
            rs.getTimestamp(3).toInstant())).list();
    return jdbc.sql("select name, starts_at, ends_at, risk_level from labtest_campaign where id = ?").param(id)
        .query((rs, n) -> new Campaign(id, rs.getString(1), codes, rs.getTimestamp(2).toInstant(),
            rs.getTimestamp(3).toInstant(), rs.getString(4) == null ? null : AreaRisk.valueOf(rs.getString(4)), rounds))
        .optional().orElseThrow(() -> new RecordNotFound("campaign"));
  }

  /**
   * Adds the next round: it starts no earlier than the previous round ends, and the campaign's window
   * grows to cover it; persons already sampled in the new window count as tested. Only a caller whose
   * jurisdiction holds the whole scope may add rounds (403 otherwise).
   */
  @Transactional
  public Campaign addRound(UUID id, NewRound request) {
    visibleScopes(id);
    JurisdictionScope mine = currentUser.get().scope();
    jdbc.sql("select id from labtest_campaign where id = ? for update").param(id).query(UUID.class).single();
    CampaignRound last = jdbc.sql("""
        select number, starts_at, ends_at from labtest_campaign_round where campaign_id = ? order by number desc limit 1
        """).param(id).query((rs, n) -> new CampaignRound(rs.getInt(1), rs.getTimestamp(2).toInstant(),
            rs.getTimestamp(3).toInstant())).single();
    List<FieldProblem> problems = new ArrayList<>();
    if (request == null || request.startsAt() == null) {
      problems.add(FieldProblem.of("startsAt", "labtest.instant"));
    } else if (request.startsAt().toInstant().isBefore(last.endsAt())) {
      problems.add(FieldProblem.of("startsAt", "labtest.roundOverlap", last.number()));
    }
    if (request == null || request.endsAt() == null) {
      problems.add(FieldProblem.of("endsAt", "labtest.instant"));
    } else if (request.startsAt() != null && !request.endsAt().isAfter(request.startsAt())) {
      problems.add(FieldProblem.of("endsAt", "labtest.window"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (jdbc.sql("select jurisdiction_path from labtest_campaign_scope where campaign_id = ?").param(id)
        .query(String.class).list().stream().anyMatch(path -> !mine.contains(path))) {
      throw new AccessDeniedException("campaign scope outside the caller's jurisdiction");
    }
    jdbc.sql("insert into labtest_campaign_round (campaign_id, number, starts_at, ends_at) values (?, ?, ?, ?)")
        .params(id, last.number() + 1, request.startsAt(), request.endsAt()).update();
    jdbc.sql("update labtest_campaign set ends_at = greatest(ends_at, ?) where id = ?")
        .params(request.endsAt(), id).update();
    countTested(id, request.startsAt(), request.endsAt());
    return load(id);
  }
}
