package org.epicommand.vaccination.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.epicommand.shared.FieldProblem;
import org.epicommand.vaccination.DoseRole;
import org.epicommand.vaccination.VaccineProductDetails;

/**
 * Whether a dose may follow the person's doses so far (docs/domain.md §9; the product's rules are data):
 * not in the future nor before birth; dose n after dose n−1 (no gap), at most two boosters after the
 * primary course of the first product; not earlier than the previous dose, and at least the product's
 * interval after it (primary doses: days; a booster after the course and a second booster after the
 * first: months); the person's age on the day within the product's approved range; a second booster
 * only from {@code secondBoosterMinAge}. Problems name their field and say the limit.
 */
public final class DoseRules {

  /** The person's doses so far: how many, the primary course of the first product, the last one's day. */
  public record Standing(int doses, int primaryDoses, LocalDate lastDoseOn) {

    public static final Standing NONE = new Standing(0, 0, null);

    public Standing after(int primaryOfFirst, LocalDate date) {
      return new Standing(doses + 1, doses == 0 ? primaryOfFirst : primaryDoses, date);
    }
  }

  /** The dose's role when it is accepted, the problems otherwise. */
  public record Verdict(DoseRole role, List<FieldProblem> problems) {

    public boolean accepted() {
      return problems.isEmpty();
    }
  }

  private DoseRules() {}

  public static Verdict check(Standing standing, int number, VaccineProductDetails product, LocalDate date,
      LocalDate birthDate, LocalDate today, int secondBoosterMinAge) {
    List<FieldProblem> problems = new ArrayList<>();
    if (date.isAfter(today)) {
      problems.add(FieldProblem.of("date", "vaccination.dose.future"));
    }
    if (birthDate != null && date.isBefore(birthDate)) {
      problems.add(FieldProblem.of("date", "vaccination.dose.beforeBirth", birthDate));
    }
    if (number > standing.doses() + 1) {
      problems.add(FieldProblem.of("doseNumber", "vaccination.dose.gap", number, standing.doses() + 1));
      return new Verdict(null, problems);
    }
    int primary = standing.doses() == 0 ? product.primaryDoses() : standing.primaryDoses();
    DoseRole role = DoseRole.of(number, primary);
    if (role == null) {
      problems.add(FieldProblem.of("doseNumber", "vaccination.dose.tooMany", primary + 2));
      return new Verdict(null, problems);
    }
    if (standing.lastDoseOn() != null) {
      interval(standing.lastDoseOn(), number, role, product, date, problems);
    }
    if (birthDate != null && !date.isBefore(birthDate)) {
      int age = Period.between(birthDate, date).getYears();
      if (age < product.minAge() || (product.maxAge() != null && age > product.maxAge())) {
        String range = product.minAge() + (product.maxAge() == null ? "+" : "–" + product.maxAge());
        problems.add(FieldProblem.of("date", "vaccination.dose.age", age, range));
        problems.add(FieldProblem.of("productCode", "vaccination.dose.age", age, range));
      }
      if (role == DoseRole.SECOND_BOOSTER && age < secondBoosterMinAge) {
        problems.add(FieldProblem.of("doseNumber", "vaccination.dose.secondBoosterAge", secondBoosterMinAge));
      }
    }
    return new Verdict(role, problems);
  }

  private static void interval(LocalDate previous, int number, DoseRole role, VaccineProductDetails product,
      LocalDate date, List<FieldProblem> problems) {
    if (date.isBefore(previous)) {
      problems.add(FieldProblem.of("date", "vaccination.dose.beforePrevious", number - 1, previous));
      return;
    }
    LocalDate earliest;
    FieldProblem problem;
    if (role == DoseRole.PRIMARY) {
      earliest = previous.plusDays(product.minIntervalDays());
      problem = FieldProblem.of("date", "vaccination.dose.intervalDays", product.minIntervalDays(), earliest);
    } else {
      int months = role == DoseRole.BOOSTER ? product.boosterIntervalMonths() : product.secondBoosterIntervalMonths();
      earliest = previous.plusMonths(months);
      problem = FieldProblem.of("date", "vaccination.dose.intervalMonths", months, earliest);
    }
    if (date.isBefore(earliest)) {
      problems.add(problem);
    }
  }
}
