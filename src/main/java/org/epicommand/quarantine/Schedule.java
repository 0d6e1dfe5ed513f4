package org.epicommand.quarantine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The phases and test dates of an order by the day-counting rule (docs/domain.md §6, binding): the
 * anchor is day 0; day n is anchor + n calendar days; a phase of d days covers the d days after the
 * previous one (the first starts on day 1); a test "on day n" falls on anchor + n. Whatever lies
 * before {@code today} when the order is made is marked skipped, never shifted.
 */
public record Schedule(List<Phase> phases, List<Test> tests, LocalDate plannedEndDate) {

  public Schedule {
    phases = List.copyOf(phases);
    tests = List.copyOf(tests);
  }

  public record Phase(Regime regime, LocalDate startDate, LocalDate endDate, boolean skipped) {}

  public record Test(int day, LocalDate date, boolean dualReagent, boolean skipped) {}

  public static Schedule of(RuleSet.Rule rule, LocalDate anchor, LocalDate today) {
    List<Phase> phases = new ArrayList<>();
    int day = 0;
    for (RuleSet.PhaseRule phase : rule.phases()) {
      LocalDate start = anchor.plusDays(day + 1L);
      day += phase.days();
      LocalDate end = anchor.plusDays(day);
      phases.add(new Phase(phase.regime(), start, end, end.isBefore(today)));
    }
    List<Test> tests = rule.testDays().stream().sorted().map(n -> {
      LocalDate date = anchor.plusDays(n);
      return new Test(n, date, rule.dualReagentDays().contains(n), date.isBefore(today));
    }).toList();
    return new Schedule(phases, tests, anchor.plusDays(day));
  }
}
