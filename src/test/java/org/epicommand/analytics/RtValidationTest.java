package org.epicommand.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.epicommand.analytics.RtEstimation.GivenDistribution;
import org.epicommand.analytics.RtEstimation.Parametric;
import org.epicommand.analytics.RtEstimation.Request;
import org.epicommand.analytics.RtEstimation.SerialIntervalChoice;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.junit.jupiter.api.Test;

/** Bad input is answered field by field (400), never by an exception that would become a 500. */
class RtValidationTest {

  static final List<Integer> TEN_DAYS = List.of(1, 2, 0, 3, 5, 4, 6, 2, 3, 1);
  static final Parametric FLU = new Parametric(2.6, 1.5);

  @Test
  void refusesIncidenceThatIsMissingTooShortOrNotWholeCounts() {
    for (List<? extends Number> incidence : Arrays.<List<? extends Number>>asList(null, List.of(), List.of(5),
        List.of(1, -1, 2), List.of(1, 1.5, 2), Arrays.asList(1, null, 2), List.of(1, Double.NaN),
        List.of(1, 3e9), Collections.nCopies(Incidence.MAX_DAYS + 1, 0))) {
      assertThat(problems(new Request(incidence, null, FLU, null, null)))
          .as("incidence %s", incidence == null || incidence.size() > 10 ? "…" : incidence)
          .containsExactly(tuple("incidence", "rt.incidence"));
    }
  }

  @Test
  void refusesMoreCasesThanTheGammaQuantilesCanTake() {
    List<Integer> huge = List.of(0, 60_000_000, 60_000_000);

    assertThat(problems(new Request(huge, null, FLU, null, null))).containsExactly(tuple("incidence", "rt.incidence"));
  }

  @Test
  void acceptsWholeCountsWrittenAsDecimals() {
    List<Double> decimals = TEN_DAYS.stream().map(Integer::doubleValue).toList();

    assertThat(RtEstimation.estimate(new Request(decimals, null, FLU, null, null)))
        .isEqualTo(RtEstimation.estimate(new Request(TEN_DAYS, null, FLU, null, null)));
  }

  @Test
  void refusesImportedCasesThatDoNotFitTheIncidence() {
    for (List<Integer> imported : List.of(List.of(1, 0), List.of(0, 3, 0, 0, 0, 0, 0, 0, 0, 0),
        List.of(0, -1, 0, 0, 0, 0, 0, 0, 0, 0))) {
      assertThat(problems(new Request(TEN_DAYS, imported, FLU, null, null))).as("imported %s", imported)
          .containsExactly(tuple("importedIncidence", "rt.imported"));
    }
  }

  @Test
  void refusesAMissingOrInvalidSerialInterval() {
    for (SerialIntervalChoice si : Arrays.asList(null, new Parametric(null, 1.5), new Parametric(2.6, null),
        new Parametric(1.0, 1.5), new Parametric(2.6, 0.0), new GivenDistribution(null),
        new GivenDistribution(List.of(0.2, 0.8)), new GivenDistribution(List.of(0, 0.3)))) {
      assertThat(problems(new Request(TEN_DAYS, null, si, null, null))).as("si %s", si)
          .containsExactly(tuple("si", "rt.si"));
    }
  }

  @Test
  void refusesWindowsOutsideTheDaysOrReversed() {
    assertThat(problems(windows(List.of(2, 3), null))).containsExactly(tuple("tEnd", "rt.windows"));
    assertThat(problems(windows(null, List.of(8)))).containsExactly(tuple("tStart", "rt.windows"));
    assertThat(problems(windows(List.of(2, 3), List.of(8)))).containsExactly(tuple("tEnd", "rt.windows"));
    assertThat(problems(windows(List.of(), List.of()))).containsExactly(tuple("tStart", "rt.windows"));
    assertThat(problems(windows(List.of(1), List.of(8)))).containsExactly(tuple("tStart", "rt.windows"));
    assertThat(problems(windows(List.of(2), List.of(11)))).containsExactly(tuple("tEnd", "rt.windows"));
    assertThat(problems(windows(List.of(9), List.of(8)))).containsExactly(tuple("tStart", "rt.windows"));
    assertThat(problems(windows(List.of(2.5), List.of(8)))).containsExactly(tuple("tStart", "rt.windows"));
    assertThat(problems(windows(Collections.nCopies(RtEstimation.MAX_WINDOWS + 1, 2),
        Collections.nCopies(RtEstimation.MAX_WINDOWS + 1, 8)))).containsExactly(tuple("tStart", "rt.windows"));
    assertThat(problems(windows(List.of(0, 3), List.of(8, 12))))
        .containsExactly(tuple("tStart", "rt.windows"), tuple("tEnd", "rt.windows"));
  }

  @Test
  void namesTheLastDayWhenAWindowDoesNotFit() {
    ValidationFailure failure = catchThrowableOfType(ValidationFailure.class,
        () -> RtEstimation.estimate(windows(List.of(2), List.of(11))));

    assertThat(failure.problems()).containsExactly(FieldProblem.of("tEnd", "rt.windows", 10));
  }

  @Test
  void needsEightDaysForTheDefaultWeeklyWindows() {
    List<Integer> sevenDays = TEN_DAYS.subList(0, 7);

    assertThat(problems(new Request(sevenDays, null, FLU, null, null))).containsExactly(tuple("tStart", "rt.windows"));
    assertThat(RtEstimation.estimate(new Request(sevenDays, null, FLU, List.of(3), List.of(7))).windows()).hasSize(1);
  }

  @Test
  void reportsEveryBadFieldAtOnce() {
    Request request = new Request(TEN_DAYS, List.of(1), new Parametric(0.5, 1.0), List.of(1), List.of(8));

    assertThat(problems(request)).containsExactly(tuple("importedIncidence", "rt.imported"), tuple("si", "rt.si"),
        tuple("tStart", "rt.windows"));
  }

  @Test
  void answersNoWindowsWhenAllEndBeforeTheMeanSerialInterval() {
    // all serial intervals are 11 days: mean 11, after the last of the ten days
    Request request = new Request(TEN_DAYS, null,
        new GivenDistribution(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)), null, null);

    assertThat(RtEstimation.estimate(request).windows()).isEmpty();
  }

  private static Request windows(List<? extends Number> starts, List<? extends Number> ends) {
    return new Request(TEN_DAYS, null, FLU, starts, ends);
  }

  private static List<Tuple> problems(Request request) {
    ValidationFailure failure = catchThrowableOfType(ValidationFailure.class, () -> RtEstimation.estimate(request));
    assertThat(failure).as("a validation failure").isNotNull();
    return failure.problems().stream().map(problem -> tuple(problem.field(), problem.code())).toList();
  }
}
