package org.epicommand.keygroup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Environment plans: the sites of one kind inside a division sampled every N days, so many samples a visit. A plan
 * is seen by those whose reach lies inside its division or contains it (a city's plan by every district); one plan
 * per kind and division is in force (409 with the existing one), a retired one stays readable. The sites falling
 * due per plan: the sites of its kind inside both the plan's division and the caller's reach, each with its last
 * full visit (a day of the city's zone with at least the plan's samples), due that day plus the plan's days.
 */
@Service
public class EnvironmentPlans {

  static final String SUBJECT = "ENV_PLAN";
  static final int MAX_SAMPLES_PER_VISIT = 50;
  static final int MAX_EVERY_DAYS = 366;

  private final JdbcClient jdbc;
  private final Jurisdictions jurisdictions;
  private final EnvironmentSamples samples;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  EnvironmentPlans(JdbcClient jdbc, Jurisdictions jurisdictions, EnvironmentSamples samples, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.jurisdictions = jurisdictions;
    this.samples = samples;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Defines a plan: 400 naming the fields (a frequency ≤ 0 among them), 404 division outside the reach, 409. */
  @Transactional
  public EnvPlan define(NewEnvPlan request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request.siteKind() == null) {
      problems.add(FieldProblem.of("siteKind", "keygroup.env.siteKind"));
    }
    if (request.everyDays() == null || request.everyDays() <= 0 || request.everyDays() > MAX_EVERY_DAYS) {
      problems.add(FieldProblem.of("everyDays", "keygroup.plan.everyDays", MAX_EVERY_DAYS));
    }
    int perVisit = request.samplesPerVisit() == null ? 1 : request.samplesPerVisit();
    if (perVisit <= 0 || perVisit > MAX_SAMPLES_PER_VISIT) {
      problems.add(FieldProblem.of("samplesPerVisit", "keygroup.plan.samplesPerVisit", MAX_SAMPLES_PER_VISIT));
    }
    if (request.jurisdictionCode() == null || request.jurisdictionCode().isBlank()) {
      problems.add(FieldProblem.of("jurisdictionCode", "keygroup.env.division"));
    }
    String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
    if (note != null && note.length() > 200) {
      problems.add(FieldProblem.of("note", "keygroup.plan.note"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    JurisdictionScope division = jurisdictions.narrow(samples.reach(), request.jurisdictionCode().strip());
    String name = jurisdictions.find(division.code()).map(Jurisdiction::name).orElse(division.code());
    jdbc.sql("select id::text from keygroup_env_plan where site_kind = ? and jurisdiction_path = ?"
        + " and retired_at is null").params(request.siteKind().name(), division.path()).query(String.class)
        .optional().ifPresent(existing -> {
          throw Conflict.duplicate("keygroup.plan.duplicate", existing);
        });
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        insert into keygroup_env_plan (id, site_kind, every_days, samples_per_visit, jurisdiction_code,
          jurisdiction_path, jurisdiction_name, note, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).params(id, request.siteKind().name(), request.everyDays(), perVisit, division.code(), division.path(),
            name, note, OffsetDateTime.now(clock), currentUser.get().username()).update();
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), request.siteKind() + " every " + request.everyDays()
        + " days, " + perVisit + " a visit, " + division.code());
    return get(id);
  }

  /** The plans seen from the caller's reach (those in force; retired ones too when asked), by division and kind. */
  public List<EnvPlan> list(boolean withRetired) {
    JurisdictionScope scope = samples.reach();
    return scope.bind(jdbc.sql(SELECT + " where " + SEEN + (withRetired ? "" : " and retired_at is null")
        + " order by jurisdiction_path, site_kind, created_at limit 500")).query(EnvironmentPlans::row).list();
  }

  /** A plan seen from the caller's reach (404 otherwise). */
  public EnvPlan get(UUID id) {
    JurisdictionScope scope = samples.reach();
    return scope.bind(jdbc.sql(SELECT + " where id = :id and " + SEEN)).param("id", id)
        .query(EnvironmentPlans::row).optional().orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  /** Retires a plan (kept, readable): 409 naming RETIRED when it is retired already. */
  @Transactional
  public EnvPlan retire(UUID id) {
    EnvPlan plan = get(id);
    if (plan.retired()) {
      throw Conflict.naming("keygroup.plan.retired", "RETIRED");
    }
    jurisdictions.narrow(samples.reach(), plan.jurisdictionCode());
    jdbc.sql("update keygroup_env_plan set retired_at = ? where id = ?").params(OffsetDateTime.now(clock), id).update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "retired");
    return get(id);
  }

  /**
   * The plan's sites inside the caller's reach with their last full visit and next due day: those needing a visit
   * (never sampled, overdue, due today) first, the longest overdue first; the up-to-date ones too when asked.
   */
  public List<SiteDue> sites(UUID id, boolean all) {
    EnvPlan plan = get(id);
    JurisdictionScope scope = samples.reach();
    LocalDate today = LocalDate.now(clock);
    List<SiteDue> sites = scope.bind(jdbc.sql("""
        select s.id, s.name, s.jurisdiction_code, v.day, coalesce(v.n, 0)
        from keygroup_env_plan p
        join keygroup_env_site s on s.kind = p.site_kind and s.retired_at is null
          and s.jurisdiction_path like p.jurisdiction_path || '%'
        left join lateral (select (e.collected_at at time zone :zone)::date as day, count(*) as n
          from keygroup_env_sample e where e.site_id = s.id and e.result is distinct from 'INVALID'
          group by 1 having count(*) >= p.samples_per_visit order by 1 desc limit 1) v on true
        where p.id = :plan and\s""" + scope.predicate("s.jurisdiction_path") + " order by s.name limit 2000"))
        .param("zone", clock.getZone().getId()).param("plan", id)
        .query((rs, n) -> due(rs, plan.everyDays(), today)).list();
    return sites.stream().filter(s -> all || s.state() != SiteDueState.UP_TO_DATE)
        .sorted(Comparator.comparing(SiteDue::state).thenComparing(SiteDue::nextDue,
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(SiteDue::siteName))
        .toList();
  }

  private static SiteDue due(ResultSet rs, int everyDays, LocalDate today) throws SQLException {
    LocalDate last = rs.getObject(4, LocalDate.class);
    LocalDate next = last == null ? null : last.plusDays(everyDays);
    SiteDueState state = last == null ? SiteDueState.NEVER_SAMPLED : next.isBefore(today) ? SiteDueState.OVERDUE
        : next.isEqual(today) ? SiteDueState.DUE_TODAY : SiteDueState.UP_TO_DATE;
    return new SiteDue(rs.getString(1), rs.getString(2), rs.getString(3), last, rs.getInt(5), next, state);
  }

  /** A plan is seen when its division lies inside the reach or contains it. */
  private static final String SEEN = "(jurisdiction_path like :" + JurisdictionScope.PARAMETER + " or :"
      + JurisdictionScope.PARAMETER + " like jurisdiction_path || '%')";

  private static final String SELECT = "select id, site_kind, every_days, samples_per_visit, jurisdiction_code,"
      + " jurisdiction_name, note, retired_at from keygroup_env_plan";

  private static EnvPlan row(ResultSet rs, int n) throws SQLException {
    return new EnvPlan(rs.getString(1), SiteKind.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8) != null);
  }
}
