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
        insert into labtest_campaign (id, name, starts_at, ends_at, created_at, created_by)
        values (?, ?, ?, ?, ?, ?)
        """).params(id, name, request.startsAt(), request.endsAt(), OffsetDateTime.now(clock), user.username()).update();
    Map<String, Long> residents = new HashMap<>();
    for (Jurisdiction scope : scopes) {
      jdbc.sql("insert into labtest_campaign_scope (campaign_id, jurisdiction_code, jurisdiction_path) values (?, ?, ?)")
          .params(id, scope.code(), scope.path()).update();
      residents.putAll(persons.residentsByPath(scope.scope()));
    }
    String[] paths = residents.keySet().toArray(String[]::new);
    Long[] counts = residents.keySet().stream().map(residents::get).toArray(Long[]::new);
    jdbc.sql("""
        insert into labtest_campaign_population (campaign_id, jurisdiction_path, residents)
        select ?, p, c from unnest(?::text[], ?::bigint[]) as x(p, c)
        """).params(id, (Object) paths, (Object) counts).update();
    // tubes sampled in the window before the campaign was entered count too
    jdbc.sql("""
        with sampled as (
          select distinct on (m.person_id) m.person_id, m.jurisdiction_path
          from labtest_tube t join labtest_tube_member m on m.tube_id = t.id
          join labtest_campaign_scope cs on cs.campaign_id = :id and m.jurisdiction_path like cs.jurisdiction_path || '%'
          where t.collected_at >= :startsAt and t.collected_at < :endsAt
          order by m.person_id),
        tested as (
          insert into labtest_campaign_tested (campaign_id, person_id)
          select :id, person_id from sampled on conflict do nothing returning person_id)
        insert into labtest_campaign_population as p (campaign_id, jurisdiction_path, residents, tested)
        select :id, s.jurisdiction_path, 0, count(*) from tested t join sampled s on s.person_id = t.person_id
        group by s.jurisdiction_path
        on conflict (campaign_id, jurisdiction_path) do update set tested = p.tested + excluded.tested
        """).param("id", id).param("startsAt", request.startsAt()).param("endsAt", request.endsAt()).update();
    return new Campaign(id, name, scopes.stream().map(Jurisdiction::code).toList(), startsAt, endsAt);
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
    JurisdictionScope mine = currentUser.get().scope();
    List<String[]> scopes = jdbc.sql("select jurisdiction_code, jurisdiction_path from labtest_campaign_scope where campaign_id = ?")
        .param(campaignId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    // the part of each campaign scope the caller may see
    List<JurisdictionScope> visible = new ArrayList<>();
    for (String[] s : scopes) {
      if (mine.contains(s[1])) {
        visible.add(new JurisdictionScope(s[0], s[1]));
      } else if (s[1].startsWith("/") && mine.path().startsWith(s[1])) {
        visible.add(mine);
      }
    }
    if (visible.isEmpty()) {
      throw new RecordNotFound("campaign");
    }
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
}
