package org.epicommand.lockdown;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.epicommand.account.UserContext;
import org.epicommand.account.CurrentUser;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.lockdown.internal.LockdownProperties;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Readiness of the manpower pool per district: what the open posts of declared and active areas need a
 * day (persons per shift × shifts a day), plus an optional scenario (gates × the gate standard × shifts,
 * one 楼栋长 per building, a sampling team per 1,000 residents, a delivery team per 300 households),
 * against the active pool available today. Specialists cover their own posts first (police and security
 * the gates, samplers and medical staff sampling and medical liaison, delivery staff delivery, property
 * staff buildings and disinfection); cadres, community workers and volunteers fill what is left, in the
 * order of the post types. Sampling and medical liaison take specialists only.
 */
@Service
public class LockdownReadiness {

  private static final Map<Post.Kind, List<Worker.Source>> SPECIALISTS = Map.of(
      Post.Kind.GATE, List.of(Worker.Source.POLICE, Worker.Source.SECURITY),
      Post.Kind.BUILDING, List.of(Worker.Source.PROPERTY_STAFF),
      Post.Kind.SAMPLING, List.of(Worker.Source.SAMPLER, Worker.Source.MEDICAL),
      Post.Kind.DELIVERY, List.of(Worker.Source.DELIVERY),
      Post.Kind.MEDICAL_LIAISON, List.of(Worker.Source.MEDICAL),
      Post.Kind.DISINFECTION, List.of(Worker.Source.PROPERTY_STAFF));
  private static final List<Worker.Source> GENERALISTS = List.of(Worker.Source.CADRE_SINKING,
      Worker.Source.COMMUNITY_WORKER, Worker.Source.VOLUNTEER);

  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final JdbcClient jdbc;
  private final LockdownProperties properties;
  private final Clock clock;

  LockdownReadiness(Jurisdictions jurisdictions, CurrentUser currentUser, JdbcClient jdbc,
      LockdownProperties properties, Clock clock) {
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The districts inside the caller's jurisdiction (the caller's own division when below a district), or
   * only {@code district} (404 outside); the scenario is added to each. Negative figures: 400 per field.
   */
  public List<Readiness> readiness(String district, Readiness.Scenario scenario) {
    Readiness.Scenario plan = scenario == null ? Readiness.Scenario.NONE : scenario;
    List<FieldProblem> problems = new ArrayList<>();
    check("gates", plan.gates(), problems);
    check("buildings", plan.buildings(), problems);
    check("households", plan.households(), problems);
    check("residents", plan.residents(), problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    UserContext user = currentUser.get();
    List<Jurisdiction> places;
    if (district != null && !district.isBlank()) {
      places = List.of(jurisdictions.find(district.strip()).filter(j -> user.scope().contains(j.path()))
          .orElseThrow(() -> new RecordNotFound("JURISDICTION")));
    } else {
      places = jurisdictions.descendantsAt(user.scope(), JurisdictionLevel.COUNTY);
      if (places.isEmpty()) {
        places = jurisdictions.find(user.jurisdictionCode()).map(List::of).orElse(List.of());
      }
    }
    return places.stream().map(place -> of(place, plan)).toList();
  }

  private Readiness of(Jurisdiction place, Readiness.Scenario plan) {
    JurisdictionScope scope = new JurisdictionScope(place.code(), place.path());
    int shifts = properties.shiftsPerDay();
    Map<Post.Kind, Integer> required = new EnumMap<>(Post.Kind.class);
    scope.bind(jdbc.sql("select p.kind, count(*) from lockdown_post p join lockdown_area a on a.id = p.area_id"
        + " where p.state = 'ACTIVE' and a.state in ('DECLARED', 'ACTIVE') and "
        + scope.predicate("p.jurisdiction_path") + " group by p.kind")).query(rs -> {
          Post.Kind kind = Post.Kind.valueOf(rs.getString(1));
          required.merge(kind, rs.getInt(2) * properties.personsPerShift(kind) * shifts, Integer::sum);
        });
    required.merge(Post.Kind.GATE, value(plan.gates()) * properties.gatePersons() * shifts, Integer::sum);
    required.merge(Post.Kind.BUILDING, value(plan.buildings()), Integer::sum);
    required.merge(Post.Kind.SAMPLING, teams(plan.residents(), 1000) * properties.samplingTeamPersons(), Integer::sum);
    required.merge(Post.Kind.DELIVERY, teams(plan.households(), 300) * properties.deliveryTeamPersons(),
        Integer::sum);
    Map<Worker.Source, Integer> pool = new EnumMap<>(Worker.Source.class);
    LocalDate today = LocalDate.now(clock);
    scope.bind(jdbc.sql("select source, count(*) from lockdown_worker where state = 'ACTIVE' and available_from <= :d"
        + " and (available_to is null or available_to >= :d) and " + scope.predicate("jurisdiction_path")
        + " group by source")).param("d", Date.valueOf(today))
        .query(rs -> {
          pool.put(Worker.Source.valueOf(rs.getString(1)), rs.getInt(2));
        });
    int available = pool.values().stream().mapToInt(Integer::intValue).sum();
    Map<Post.Kind, Integer> covered = new EnumMap<>(Post.Kind.class);
    for (Post.Kind kind : Post.Kind.values()) {
      covered.put(kind, take(pool, SPECIALISTS.get(kind), required.getOrDefault(kind, 0)));
    }
    for (Post.Kind kind : List.of(Post.Kind.GATE, Post.Kind.BUILDING, Post.Kind.DELIVERY, Post.Kind.DISINFECTION)) {
      covered.merge(kind, take(pool, GENERALISTS, required.getOrDefault(kind, 0) - covered.get(kind)), Integer::sum);
    }
    List<Readiness.Line> lines = new ArrayList<>();
    int need = 0;
    int have = 0;
    for (Post.Kind kind : Post.Kind.values()) {
      int r = required.getOrDefault(kind, 0);
      if (r > 0) {
        lines.add(new Readiness.Line(kind, r, covered.get(kind), r - covered.get(kind)));
        need += r;
        have += covered.get(kind);
      }
    }
    return new Readiness(place.code(), place.name(), need, have, need == 0 ? 100 : have * 100 / need, available,
        lines);
  }

  /** Takes up to {@code wanted} persons of the sources from the pool; returns how many. */
  private static int take(Map<Worker.Source, Integer> pool, List<Worker.Source> sources, int wanted) {
    int taken = 0;
    for (Worker.Source source : sources) {
      int use = Math.min(Math.max(0, wanted - taken), pool.getOrDefault(source, 0));
      pool.merge(source, -use, Integer::sum);
      taken += use;
    }
    return taken;
  }

  private static int teams(Integer count, int per) {
    return count == null ? 0 : (count + per - 1) / per;
  }

  private static int value(Integer count) {
    return count == null ? 0 : count;
  }

  private static void check(String field, Integer value, List<FieldProblem> problems) {
    if (value != null && (value < 0 || value > 1_000_000)) {
      problems.add(FieldProblem.of(field, "lockdown.readiness.figure"));
    }
  }
}
