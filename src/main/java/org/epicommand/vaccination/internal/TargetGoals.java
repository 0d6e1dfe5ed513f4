package org.epicommand.vaccination.internal;

import java.util.EnumMap;
import java.util.Map;
import org.epicommand.vaccination.AgeBand;
import org.epicommand.vaccination.CoverageMeasure;
import org.epicommand.vaccination.VaccinationStatus;

/**
 * The goal of each age band on the door-to-door lists: the highest measure its coverage targets name
 * (Dec 2022: 80+ a first dose, 60–79 a booster). A band without a target has no list.
 */
public final class TargetGoals {

  private final Map<AgeBand, CoverageMeasure> goals = new EnumMap<>(AgeBand.class);

  public TargetGoals(Map<AgeBand, CoverageMeasure> highest) {
    goals.putAll(highest);
  }

  /** The goal of a band, or null when it has none. */
  public CoverageMeasure of(AgeBand band) {
    return band == null ? null : goals.get(band);
  }

  /** Whether a person of {@code birthYear} (0: unknown) in {@code year} has reached their band's goal, or has none. */
  public boolean reached(int birthYear, int year, VaccinationStatus status) {
    CoverageMeasure goal = of(AgeBand.ofBirthYear(birthYear, year));
    return goal == null || status.meets(goal);
  }

  /** The youngest age any band with a goal starts at (null: no goals). */
  public Integer youngestAge() {
    return goals.keySet().stream().map(AgeBand::from).min(Integer::compare).orElse(null);
  }
}
