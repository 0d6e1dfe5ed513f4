package org.epicommand.vaccination;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PersonLookup;
import org.epicommand.platform.DailyRuns;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.vaccination.internal.CoverageReadModel;
import org.epicommand.vaccination.internal.CoverageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage by division and age band (docs/domain.md §9) against targets kept as data (Dec 2022: 80+ first
 * dose ≥ 90 %, 60–79 full course and booster ≥ 95 %), from rollups kept by the dose landing and a count
 * of the registry's residents by year of birth (made on request, nightly at {@code
 * epicommand.vaccination.residents-cron} and at start-up when there is none): answering never reads
 * doses or persons. No personal data.
 */
@Service
public class VaccinationCoverage {

  /** The once-a-day count of the residents in {@link DailyRuns}. */
  public static final String RESIDENTS_JOB = "vaccination.residents";

  private static final Logger log = LoggerFactory.getLogger(VaccinationCoverage.class);

  private final CoverageReadModel readModel;
  private final CoverageStore targets;
  private final PersonLookup persons;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final org.springframework.transaction.support.TransactionTemplate transactions;
  private final DailyRuns runs;
  private final Clock clock;

  VaccinationCoverage(CoverageReadModel readModel, CoverageStore targets, PersonLookup persons,
      Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit,
      org.springframework.transaction.PlatformTransactionManager transactionManager, DailyRuns runs, Clock clock) {
    this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
    this.readModel = readModel;
    this.targets = targets;
    this.persons = persons;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.runs = runs;
    this.clock = clock;
  }

  /**
   * The coverage of the divisions of {@code level} (default: the level below the caller's, or below
   * {@code jurisdiction}) inside the caller's jurisdiction or a part of it (else 404), for one age band
   * or for all (the six bands, 60+ and all ages). A level above the area is a 400 on {@code level}.
   */
  public CoverageReport coverage(String level, String ageBand, String jurisdiction) {
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    Jurisdiction area = scope.code() == null ? null : jurisdictions.find(scope.code()).orElse(null);
    List<FieldProblem> problems = new ArrayList<>();
    JurisdictionLevel wanted = parse(level, JurisdictionLevel.class, "level", problems);
    AgeBand band = parse(ageBand, AgeBand.class, "ageBand", problems);
    if (area != null && wanted != null && wanted.ordinal() < area.level().ordinal()) {
      problems.add(FieldProblem.of("level", "vaccination.coverage.level"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (area == null) {
      return new CoverageReport(wanted, readModel.countedAt(), targets.targets(), List.of());
    }
    JurisdictionLevel at = wanted != null ? wanted : below(area.level());
    List<Jurisdiction> units = at == area.level() ? List.of(area) : jurisdictions.descendantsAt(scope, at);
    List<AgeBand> bands = band == null ? List.of(AgeBand.values()) : List.of(band);
    return new CoverageReport(at, readModel.countedAt(), targets.targets(),
        readModel.coverage(scope, units, bands, LocalDate.now(clock).getYear()));
  }

  /**
   * The coverage of one area as a whole, by band: the caller's own, or a part of it ({@code jurisdiction};
   * elsewhere 404). For the home card and the board's chart.
   */
  public CoverageReport area(String jurisdiction) {
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    Jurisdiction area = scope.code() == null ? null : jurisdictions.find(scope.code()).orElse(null);
    return coverage(area == null ? null : area.level().name(), null, jurisdiction);
  }

  public List<CoverageTarget> targets() {
    return targets.targets();
  }

  /** Replaces every target: each a band, a measure and a percent of 0–100, no band and measure twice. */
  @Transactional
  public List<CoverageTarget> replaceTargets(List<CoverageTarget> given) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<CoverageTarget> list = given == null ? List.of() : given;
    for (int i = 0; i < list.size(); i++) {
      CoverageTarget t = list.get(i);
      String field = "targets[" + i + "]";
      if (t == null || t.ageBand() == null || t.measure() == null) {
        problems.add(FieldProblem.of(field, "vaccination.coverage.target"));
      } else if (t.percent() == null || t.percent().compareTo(BigDecimal.ZERO) < 0
          || t.percent().compareTo(BigDecimal.valueOf(100)) > 0) {
        problems.add(FieldProblem.of(field + ".percent", "vaccination.range", 0, 100));
      } else if (!seen.add(t.ageBand() + "/" + t.measure())) {
        problems.add(FieldProblem.of(field, "vaccination.coverage.targetTwice"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    targets.replaceTargets(list);
    audit.record(AuditAction.UPDATE, "VACCINATION_COVERAGE_TARGETS", null, list.toString());
    return targets.targets();
  }

  /** What a count of the residents found. */
  public record Residents(long residents, Instant countedAt) {}

  /** Counts the registry's residents by path and year of birth again, in one transaction (seconds at 10 M; audited). */
  public Residents recountResidents() {
    return transactions.execute(status -> {
      Instant at = clock.instant();
      long residents = readModel.replacePopulation(persons.residentsByPathAndBirthYear(), at);
      audit.record(AuditAction.UPDATE, "VACCINATION_POPULATION", null, residents + " residents counted");
      return new Residents(residents, at);
    });
  }

  /**
   * Today's count of the residents ({@value #RESIDENTS_JOB}) unless it has run: counts and records the day; whether
   * it counted now. The daily job ({@code internal.ResidentsCount}) and the first start-up count both go through it,
   * so a new platform counts once on its first day, not again when the job catches up a few minutes later.
   */
  public boolean countResidentsOnce() {
    return runs.runOnce(RESIDENTS_JOB, today -> {
      long residents = recountResidents().residents();
      log.info("Vaccination coverage: {} residents counted for {}", residents, today);
      return residents + " residents counted";
    });
  }

  /**
   * At start-up, when the residents have never been counted: today's count (also when the daily jobs are off); an
   * empty registry counted earlier today is counted again.
   */
  @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
  void firstCount() {
    if (readModel.populationEmpty() && !countResidentsOnce()) {
      recountResidents();
    }
  }

  private static JurisdictionLevel below(JurisdictionLevel level) {
    JurisdictionLevel[] levels = JurisdictionLevel.values();
    return level.ordinal() + 1 < levels.length && level != JurisdictionLevel.VILLAGE ? levels[level.ordinal() + 1]
        : level;
  }

  private static <E extends Enum<E>> E parse(String text, Class<E> type, String field, List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(FieldProblem.of(field, "invalidValue"));
      return null;
    }
  }
}
