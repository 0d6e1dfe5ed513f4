package org.epicommand.screening;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.screening.Gathering.MarketStatus;
import org.epicommand.screening.internal.ScreeningProperties;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules in force for gatherings, as data: per kind, division (and below) and period, the rule
 * that applies — the most specific division wins, then the latest entry; without any, a gathering
 * above the configured attendee count must be reported. A new entry for the same kind and division
 * ends the previous open one the day before (history stays). And the rural market days per township.
 */
@Service
public class GatheringPolicies {

  private static final String SUBJECT = "GATHERING_POLICY";
  private static final String MARKET = "MARKET_DAY";

  /** The rule applied to a gathering and the policy entry it came from (null: the platform default). */
  public record Applied(Gathering.Rule rule, Integer reportAbove, UUID policyId) {}

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final Jurisdictions jurisdictions;
  private final AuditTrail audit;
  private final ScreeningProperties properties;
  private final java.time.Clock clock;

  GatheringPolicies(JdbcClient jdbc, CurrentUser currentUser, Jurisdictions jurisdictions, AuditTrail audit,
      ScreeningProperties properties, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.jurisdictions = jurisdictions;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** The rule for a kind at a division path on a day. */
  public Applied ruleFor(Gathering.Kind kind, String path, LocalDate day) {
    return jdbc.sql("""
        select rule, report_above, id from gathering_policy
        where kind = ? and ? like jurisdiction_path || '%' and valid_from <= ? and (valid_to is null or valid_to >= ?)
        order by length(jurisdiction_path) desc, created_at desc limit 1""").params(kind.name(), path, day, day)
        .query((rs, n) -> new Applied(Gathering.Rule.valueOf(rs.getString(1)), (Integer) rs.getObject(2),
            rs.getObject(3, UUID.class))).optional()
        .orElse(new Applied(Gathering.Rule.REPORT_REQUIRED, properties.reportAbove(), null));
  }

  /** The entries for the caller's jurisdiction and the divisions above it, in force on {@code day} (null: all). */
  public List<Gathering.Policy> list(LocalDate day) {
    JurisdictionScope mine = currentUser.get().scope();
    Map<String, String> names = new HashMap<>();
    return mine.bind(jdbc.sql("""
        select id, jurisdiction_code, kind, rule, report_above, valid_from, valid_to, note from gathering_policy
        where (%s or :mine like jurisdiction_path || '%%')
          and (cast(:day as date) is null or valid_from <= :day and (valid_to is null or valid_to >= :day))
        order by jurisdiction_path, kind, valid_from desc""".formatted(mine.predicate("jurisdiction_path")))
        .param("mine", mine.path()).param("day", day)).query((rs, n) -> new Gathering.Policy(rs.getObject(1,
            UUID.class),
            rs.getString(2), name(names, rs.getString(2)), Gathering.Kind.valueOf(rs.getString(3)),
            Gathering.Rule.valueOf(rs.getString(4)), (Integer) rs.getObject(5), rs.getObject(6, LocalDate.class),
            rs.getObject(7, LocalDate.class), rs.getString(8))).list();
  }

  /** Adds an entry for a division inside the caller's jurisdiction (404 otherwise); all field problems at once. */
  @Transactional
  public Gathering.Policy create(Gathering.NewPolicy request) {
    UserContext user = currentUser.get();
    List<FieldProblem> problems = new ArrayList<>();
    Optional<Jurisdiction> division = request.jurisdictionCode() == null ? Optional.empty()
        : jurisdictions.find(request.jurisdictionCode().strip());
    if (division.isEmpty()) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    }
    if (request.kind() == null) {
      problems.add(FieldProblem.of("kind", "screening.required"));
    }
    if (request.rule() == null) {
      problems.add(FieldProblem.of("rule", "screening.required"));
    }
    if (request.reportAbove() != null && request.reportAbove() < 0) {
      problems.add(FieldProblem.of("reportAbove", "screening.attendees"));
    }
    if (request.validFrom() == null) {
      problems.add(FieldProblem.of("validFrom", "screening.required"));
    } else if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
      problems.add(FieldProblem.of("validTo", "screening.window"));
    }
    if (request.note() != null && request.note().length() > 200) {
      problems.add(FieldProblem.of("note", "screening.tooLong"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Jurisdiction place = division.get();
    if (!user.scope().contains(place.path())) {
      throw new RecordNotFound("jurisdiction");
    }
    jdbc.sql("""
        update gathering_policy set valid_to = ? where jurisdiction_code = ? and kind = ? and valid_to is null
          and valid_from < ?""").params(request.validFrom().minusDays(1), place.code(), request.kind().name(),
        request.validFrom()).update();
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        insert into gathering_policy (id, jurisdiction_code, jurisdiction_path, kind, rule, report_above, valid_from,
          valid_to, note, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(id, place.code(),
        place.path(), request.kind().name(), request.rule().name(), request.reportAbove(), request.validFrom(),
        request.validTo(), request.note() == null || request.note().isBlank() ? null : request.note().strip(),
        Timestamp.from(clock.instant()), user.username()).update();
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), request.kind() + " " + request.rule());
    return new Gathering.Policy(id, place.code(), place.name(), request.kind(), request.rule(), request.reportAbove(),
        request.validFrom(), request.validTo(), request.note());
  }

  /** The market days inside the caller's jurisdiction (or {@code jurisdiction} in it), by township and name. */
  public List<Gathering.MarketDay> marketDays(String jurisdiction) {
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    Map<String, String> names = new HashMap<>();
    return scope.bind(jdbc.sql("""
        select id, jurisdiction_code, name, schedule, status, hours, note, updated_at from market_day where %s
        order by jurisdiction_path, name""".formatted(scope.predicate("jurisdiction_path"))))
        .query((rs, n) -> new Gathering.MarketDay(rs.getObject(1, UUID.class), rs.getString(2),
            name(names, rs.getString(2)), rs.getString(3), rs.getString(4), MarketStatus.valueOf(rs.getString(5)),
            rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant())).list();
  }

  /**
   * Keeps a market day by division and name: a new one is added, a known one takes the schedule,
   * status, hours and note; both audited.
   */
  @Transactional
  public Gathering.MarketDay saveMarketDay(Gathering.NewMarketDay request) {
    List<FieldProblem> problems = checkMarketDay(request);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Jurisdiction place = jurisdictions.find(request.jurisdictionCode().strip()).orElseThrow();
    if (!currentUser.get().scope().contains(place.path())) {
      throw new RecordNotFound("jurisdiction");
    }
    UUID id = UUID.randomUUID();
    String name = request.name().strip();
    UUID stored = jdbc.sql("""
        insert into market_day as m (id, jurisdiction_code, jurisdiction_path, name, schedule, status, hours, note,
          updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (jurisdiction_code, name) do update set schedule = excluded.schedule, status = excluded.status,
          hours = excluded.hours, note = excluded.note, updated_at = excluded.updated_at, updated_by =
            excluded.updated_by
        returning id""").params(id, place.code(), place.path(), name, request.schedule().strip(),
        request.status().name(), blankToNull(request.hours()), blankToNull(request.note()),
        Timestamp.from(clock.instant()), currentUser.get().username()).query(UUID.class).single();
    audit.record(stored.equals(id) ? AuditAction.CREATE : AuditAction.UPDATE, MARKET, stored.toString(),
        request.status().name());
    return marketDays(place.code()).stream().filter(m -> m.id().equals(stored)).findFirst().orElseThrow();
  }

  /** A market day's field problems (for the page, the API and the import alike). */
  public List<FieldProblem> checkMarketDay(Gathering.NewMarketDay request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request.jurisdictionCode() == null || jurisdictions.find(request.jurisdictionCode().strip()).isEmpty()) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    }
    if (request.name() == null || request.name().isBlank() || request.name().strip().length() > 100) {
      problems.add(FieldProblem.of("name", "screening.required"));
    }
    if (request.schedule() == null || request.schedule().isBlank() || request.schedule().strip().length() > 100) {
      problems.add(FieldProblem.of("schedule", "screening.required"));
    }
    if (request.status() == null) {
      problems.add(FieldProblem.of("status", "screening.required"));
    } else if (request.status() == MarketStatus.REDUCED_HOURS && blankToNull(request.hours()) == null) {
      problems.add(FieldProblem.of("hours", "screening.marketHours"));
    }
    if (request.hours() != null && request.hours().length() > 50 || request.note() != null && request.note()
        .length() > 200) {
      problems.add(FieldProblem.of("note", "screening.tooLong"));
    }
    return problems;
  }

  /** Changes a market day's status (and hours); 404 outside the caller's jurisdiction, 409 when unchanged. */
  @Transactional
  public Gathering.MarketDay setStatus(UUID id, MarketStatus status, String hours) {
    JurisdictionScope scope = currentUser.get().scope();
    Gathering.MarketDay day = scope.bind(jdbc.sql(
        "select jurisdiction_code, name, schedule, status, note from market_day"
        + " where id = :id and " + scope.predicate("jurisdiction_path")).param("id", id))
        .query((rs, n) -> new Gathering.MarketDay(id, rs.getString(1), null, rs.getString(2), rs.getString(3),
            MarketStatus.valueOf(rs.getString(4)), null, rs.getString(5), null)).optional()
        .orElseThrow(() -> new RecordNotFound("market day"));
    if (status != null && status == day.status() && status != MarketStatus.REDUCED_HOURS) {
      throw Conflict.illegalTransition("screening.marketState", day.status());
    }
    return saveMarketDay(new Gathering.NewMarketDay(day.jurisdictionCode(), day.name(), day.schedule(), status, hours,
        day.note()));
  }

  private String name(Map<String, String> names, String code) {
    return names.computeIfAbsent(code, c -> jurisdictions.find(c).map(Jurisdiction::name).orElse(c));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
