package org.epicommand.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.epicommand.analytics.Areas.Area;
import org.epicommand.analytics.RtEstimation.Parametric;
import org.epicommand.analytics.internal.Seir;
import org.epicommand.person.PersonRegistry;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.Regime;
import org.epicommand.quarantine.RuleSet;
import org.epicommand.quarantine.RuleSets;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An SEIR projection (docs/domain.md §16) of daily new cases and of the quarantine rooms and hospital beds
 * they need. Every parameter is either given or taken from the platform, and the answer shows which:
 * population from the person registry, R given or the latest Rt estimate (Cori et al.) on the
 * area's cases, initial exposed and infectious from the last 7 days' cases by report date (daily
 * mean × latent period, × infectious period), quarantine days from the isolation phases (centralised
 * or at home) of a close contact under the rule set in force. Day 1 of the projection is tomorrow.
 */
@Service
@Transactional(readOnly = true)
public class Projections {

  /** Days of recent cases the initial state is taken from. */
  static final int RECENT_DAYS = 7;

  /** What the caller may give; nulls take the defaults / platform values described on each field. */
  public record Request(String district, Double population, Double r, Boolean useRt, Double siMean, Double siSd,
      Double latentDays, Double infectiousDays, Integer days, Integer interventionDay, Double interventionR,
      Double contactsPerCase, Integer quarantineDays, Double hospitalShare, Integer stayDays, Double initialExposed,
      Double initialInfectious) {

    public Request withR(Double given) {
      return new Request(district, population, given, useRt, siMean, siSd, latentDays, infectiousDays, days,
          interventionDay, interventionR, contactsPerCase, quarantineDays, hospitalShare, stayDays, initialExposed,
          initialInfectious);
    }
  }

  /** The parameters used, each with where it came from ({@code GIVEN}, {@code REGISTRY}, {@code RT}, ...). */
  public record Parameters(double population, String populationSource, double r, String rSource, double beta,
      double latentDays, double infectiousDays, int days, Integer interventionDay, Double interventionR,
      double contactsPerCase, int quarantineDays, String quarantineDaysSource, String ruleSet, double hospitalShare,
      int stayDays, double initialExposed, double initialInfectious, String initialSource, double recentDailyCases) {}

  /** Daily projection for {@code dates} (tomorrow first); {@code growthRate} of the linearised system at the start. */
  public record Projection(String district, String areaName, Parameters parameters, double growthRate,
      Double doublingTime, List<LocalDate> dates, List<Double> newCases, List<Double> susceptible,
      List<Double> exposed, List<Double> infectious, List<Double> removed, List<Double> quarantineRooms,
      List<Double> hospitalBeds, double totalCases, int peakDay, double peakRooms, double peakBeds) {}

  private final JdbcClient jdbc;
  private final Areas areas;
  private final Dashboard dashboard;
  private final PersonRegistry persons;
  private final RuleSets ruleSets;
  private final Clock clock;

  Projections(JdbcClient jdbc, Areas areas, Dashboard dashboard, PersonRegistry persons, RuleSets ruleSets,
      Clock clock) {
    this.jdbc = jdbc;
    this.areas = areas;
    this.dashboard = dashboard;
    this.persons = persons;
    this.ruleSets = ruleSets;
    this.clock = clock;
  }

  public Projection project(Request q) {
    List<FieldProblem> problems = new ArrayList<>();
    double latent = check(problems, "latentDays", q.latentDays(), 3.0, 0.1, 30);
    double infectious = check(problems, "infectiousDays", q.infectiousDays(), 5.0, 0.1, 60);
    int days = (int) check(problems, "days", q.days() == null ? null : q.days().doubleValue(), 60.0, 1, 365);
    double contacts = check(problems, "contactsPerCase", q.contactsPerCase(), 10.0, 0, 1000);
    double share = check(problems, "hospitalShare", q.hospitalShare(), 0.1, 0, 1);
    int stay = (int) check(problems, "stayDays", q.stayDays() == null ? null : q.stayDays().doubleValue(), 10.0, 1,
        120);
    boolean useRt = Boolean.TRUE.equals(q.useRt());
    if (!useRt) {
      if (q.r() == null) {
        problems.add(FieldProblem.of("r", "analytics.rRequired"));
      } else {
        check(problems, "r", q.r(), null, 0, 20);
      }
    } else {
      check(problems, "siMean", q.siMean(), 4.0, 1.01, 30);
      check(problems, "siSd", q.siSd(), 2.0, 0.01, 30);
    }
    Integer interventionDay = q.interventionDay();
    if (interventionDay != null) {
      check(problems, "interventionDay", interventionDay.doubleValue(), null, 1, days);
      if (q.interventionR() == null) {
        problems.add(FieldProblem.of("interventionR", "analytics.between", 0, 20));
      } else {
        check(problems, "interventionR", q.interventionR(), null, 0, 20);
      }
    }
    if (q.population() != null) {
      check(problems, "population", q.population(), null, 1, 2e9);
    }
    if (q.quarantineDays() != null) {
      check(problems, "quarantineDays", q.quarantineDays().doubleValue(), null, 0, 60);
    }
    check(problems, "initialExposed", q.initialExposed(), 0.0, 0, 2e9);
    check(problems, "initialInfectious", q.initialInfectious(), 0.0, 0, 2e9);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Area area = areas.of(q.district());
    LocalDate today = LocalDate.now(clock);

    double population = q.population() != null ? q.population() : persons.residents(area.scope());
    String populationSource = q.population() != null ? "GIVEN" : "REGISTRY";
    int history = Math.max(Math.max(stay, RECENT_DAYS), q.quarantineDays() == null ? 60 : q.quarantineDays());
    double[] recent = recentCases(area, today.minusDays(history - 1L), today);
    double daily = Arrays.stream(recent, recent.length - RECENT_DAYS, recent.length).sum() / RECENT_DAYS;
    boolean initialGiven = q.initialExposed() != null || q.initialInfectious() != null;
    double e0 = q.initialExposed() != null ? q.initialExposed() : initialGiven ? 0 : daily * latent;
    double i0 = q.initialInfectious() != null ? q.initialInfectious() : initialGiven ? 0 : daily * infectious;
    if (!(population >= 1) || e0 + i0 > population) {
      throw new ValidationFailure(FieldProblem.of(q.population() != null ? "population" : "initialInfectious",
          "analytics.population"));
    }
    double susceptible = population - e0 - i0;
    double r;
    String rSource;
    double beta;
    if (useRt) {
      r = latestRt(area, today, q.siMean() == null ? 4.0 : q.siMean(), q.siSd() == null ? 2.0 : q.siSd());
      rSource = "RT";
      beta = r / infectious * population / susceptible; // Rt = β S / (γ N) now
    } else {
      r = q.r();
      rSource = "GIVEN";
      beta = r / infectious;
    }
    RuleSet rules = ruleSets.inForce(today);
    int quarantineDays = q.quarantineDays() != null ? q.quarantineDays() : quarantineDays(rules);
    Double interventionR = interventionDay == null ? null : q.interventionR();
    int stepsPerDay = (int) Math.max(10, Math.ceil(10 / Math.min(latent, infectious)));
    Seir.Run run = Seir.run(new Seir.Parameters(population, beta, latent, infectious, e0, i0, 0, days,
        interventionDay == null ? -1 : interventionDay - 1, interventionR == null ? 0 : interventionR / infectious,
        stepsPerDay));
    double[] rooms = Seir.occupancy(recent, run.newCases(), contacts, quarantineDays);
    double[] beds = Seir.occupancy(recent, run.newCases(), share, stay);
    double growth = Seir.growthRate(beta * susceptible / population, latent, infectious);
    int peak = 0;
    for (int d = 1; d < days; d++) {
      peak = run.newCases()[d] > run.newCases()[peak] ? d : peak;
    }
    Parameters used = new Parameters(population, populationSource, r, rSource, beta, latent, infectious, days,
        interventionDay, interventionR, contacts, quarantineDays, q.quarantineDays() != null ? "GIVEN" : "RULE_SET",
        rules.code(), share, stay, e0, i0, initialGiven ? "GIVEN" : "RECENT_CASES", daily);
    return new Projection(area.code(), area.name(), used, growth, growth == 0 ? null : Math.log(2) / Math.abs(growth),
        today.plusDays(1).datesUntil(today.plusDays(days + 1L)).toList(), list(run.newCases(), 0, days),
        list(run.s(), 1, days), list(run.e(), 1, days), list(run.i(), 1, days), list(run.r(), 1, days),
        list(rooms, 0, days), list(beds, 0, days), Arrays.stream(run.newCases()).sum(), peak + 1,
        Arrays.stream(rooms).max().orElse(0), Arrays.stream(beds).max().orElse(0));
  }

  /**
   * Days a close contact spends in quarantine under the rule set (centralised or home isolation;
   * health monitoring needs no room): with one room per person, the room-days each contact needs.
   */
  private static int quarantineDays(RuleSet rules) {
    return rules.rule(OrderReason.CLOSE_CONTACT).map(rule -> rule.phases().stream()
        .filter(p -> p.regime() == Regime.CENTRALIZED || p.regime() == Regime.HOME_ISOLATION)
        .mapToInt(RuleSet.PhaseRule::days).sum()).orElse(0);
  }

  /** The mean Rt of the last weekly window on the area's cases of the last 30 days; 400 on {@code r} without one. */
  private double latestRt(Area area, LocalDate today, double siMean, double siSd) {
    List<List<Long>> incidence = dashboard.incidenceByOnset(today.minusDays(Dashboard.CURVE_DAYS - 1L), today,
        area.scope());
    RtEstimation.Result result = RtEstimation.estimate(new RtEstimation.Request(incidence.get(0), incidence.get(1),
        new Parametric(siMean, siSd), null, null));
    if (result.windows().isEmpty() || !Double.isFinite(result.windows().get(result.windows().size() - 1).mean())) {
      throw new ValidationFailure(FieldProblem.of("r", "analytics.noRt"));
    }
    return result.windows().get(result.windows().size() - 1).mean();
  }

  /** Cases (confirmed + asymptomatic, local and imported) per report day, oldest first. */
  private double[] recentCases(Area area, LocalDate from, LocalDate to) {
    int length = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    double[] cases = new double[length];
    area.scope().bind(jdbc.sql("select day, sum(cases) from analytics_daily_count where basis = 'REPORT'"
        + " and day between :from and :to and classification in ('CONFIRMED', 'ASYMPTOMATIC') and "
        + area.scope().predicate("district_path") + " group by day"))
        .param("from", from).param("to", to)
        .query((rs, n) -> cases[(int) (rs.getObject(1, LocalDate.class)
            .toEpochDay() - from.toEpochDay())] = rs.getLong(2))
        .list();
    return cases;
  }

  /** The value (or the default when absent); a value outside [min, max] adds a field problem. */
  private static double check(List<FieldProblem> problems, String field, Double value, Double fallback, double min,
      double max) {
    if (value == null) {
      return fallback == null ? Double.NaN : fallback;
    }
    if (!(value >= min && value <= max)) {
      problems.add(FieldProblem.of(field, "analytics.between", format(min), format(max)));
      return fallback == null ? min : fallback;
    }
    return value;
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  private static List<Double> list(double[] values, int from, int length) {
    return Arrays.stream(values, from, from + length).boxed().toList();
  }
}
