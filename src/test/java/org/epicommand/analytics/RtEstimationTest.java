package org.epicommand.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.epicommand.analytics.RtEstimation.GivenDistribution;
import org.epicommand.analytics.RtEstimation.Parametric;
import org.epicommand.analytics.RtEstimation.Request;
import org.epicommand.analytics.RtEstimation.Result;
import org.epicommand.analytics.RtEstimation.Window;
import org.epicommand.analytics.RtEstimation.WindowEstimate;
import org.epicommand.support.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The estimator against EpiEstim's published regression snapshot (src/test/resources/reference/epiestim/): every
 * window's mean, sd and seven quantiles agree to 6 significant digits, with inputs read from the
 * shared data set.
 */
class RtEstimationTest {

  /** Relative agreement asked for: 6 significant digits (R printed at least 7). */
  static final double TOLERANCE = 5e-7;

  @Test
  void matchesEpiEstimForFlu2009WithTheGivenSerialInterval() throws IOException {
    // EpiEstim Example 1: non_parametric_si with Flu2009$si_distr, t_start = 2:26, t_end = 8:32
    Result result = RtEstimation.estimate(new Request(column("Flu2009_incidence.csv", "I"), null,
        new GivenDistribution(column("Flu2009_si_distr.csv", "w")), range(2, 26), range(8, 32)));

    EpiEstimSnapshot expected = EpiEstimSnapshot.example(1);
    double worst = assertMatches(result, expected);
    assertThat(worst).isLessThan(TOLERANCE);
    assertSameMean(result.serialInterval(), expected);
  }

  @Test
  void matchesEpiEstimForFlu2009WithAParametricSerialInterval() throws IOException {
    // EpiEstim Example 3: parametric_si, mean_si 2.6, std_si 1.5, t_start = 2:26, t_end = 8:32 (for
    // these 32 days the same as the default weekly windows, which are used here)
    Result result = RtEstimation.estimate(new Request(column("Flu2009_incidence.csv", "I"), null,
        new Parametric(2.6, 1.5), null, null));

    EpiEstimSnapshot expected = EpiEstimSnapshot.example(3);
    double worst = assertMatches(result, expected);
    assertThat(worst).isLessThan(TOLERANCE);
    assertSameDistribution(result.serialInterval(), expected.vector("$si_distr"));
    assertSameMean(result.serialInterval(), expected);
  }

  @Test
  void matchesEpiEstimWithLocalAndImportedCases() throws IOException {
    // EpiEstim Example 2: an incidence object grouped by location, parametric_si 2.6 / 1.5,
    // t_start = 2:21, t_end = 8:27; its counts exist only in the snapshot itself
    EpiEstimSnapshot expected = EpiEstimSnapshot.example(2);
    List<Integer> total = expected.integers("$I");
    List<Integer> imported = expected.integers("$I_imported");
    assertThat(total).hasSize(27);

    Result result = RtEstimation.estimate(new Request(total, imported, new Parametric(2.6, 1.5),
        range(2, 21), range(8, 27)));

    double worst = assertMatches(result, expected);
    assertThat(worst).isLessThan(TOLERANCE);
    assertSameDistribution(result.serialInterval(), expected.vector("$si_distr"));
    assertSameMean(result.serialInterval(), expected);
  }

  @Test
  void dropsWindowsEndingOnOrBeforeTheMeanSerialInterval() throws IOException {
    // Smallpox 1972: the given serial interval has mean 22.383 days, so windows ending on day 22
    // or before say nothing (EpiEstim keeps only t_end > final_mean_si)
    List<Number> incidence = column("Smallpox1972_incidence.csv", "I");
    Result result = RtEstimation.estimate(new Request(incidence, null,
        new GivenDistribution(column("Smallpox1972_si_distr.csv", "w")), null, null));

    assertThat(result.serialInterval().mean()).isCloseTo(22.383, offset(1e-9));
    int days = incidence.size();
    assertThat(result.windows()).extracting(WindowEstimate::window)
        .containsExactlyElementsOf(IntStream.rangeClosed(23, days).mapToObj(end -> new Window(end - 6, end)).toList());
  }

  @Test
  void estimatesOnWeeklySlidingWindowsByDefault() {
    assertThat(RtEstimation.weeklyWindows(10))
        .containsExactly(new Window(2, 8), new Window(3, 9), new Window(4, 10));
    assertThat(RtEstimation.weeklyWindows(7)).isEmpty();
  }

  @Test
  void countsAllCasesOfDayOneAsImported() {
    List<Integer> incidence = List.of(4, 2, 3, 5, 1, 0, 2, 6, 3, 2);
    Result withoutImports = RtEstimation.estimate(new Request(incidence, null, new Parametric(2.6, 1.5), null, null));
    // local cases on day 1 are moved to the imported ones, as EpiEstim's process_I does
    Result dayOneLocal = RtEstimation.estimate(new Request(incidence, List.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        new Parametric(2.6, 1.5), null, null));

    assertThat(dayOneLocal).isEqualTo(withoutImports);
    // window [2, 8]: shape 1 + 19 local cases (2 + 3 + 5 + 1 + 0 + 2 + 6)
    WindowEstimate first = withoutImports.windows().get(0);
    assertThat(first.mean() * first.mean() / (first.sd() * first.sd())).isCloseTo(20, offset(1e-9));
  }

  @Test
  void importedCasesAreInfectorsButNotOffspring() {
    List<Integer> incidence = List.of(3, 0, 4, 0, 0, 0, 0, 0);
    Result allLocal = RtEstimation.estimate(new Request(incidence, null, new Parametric(2.6, 1.5), null, null));
    Result dayThreeImported = RtEstimation.estimate(new Request(incidence, List.of(0, 0, 4, 0, 0, 0, 0, 0),
        new Parametric(2.6, 1.5), null, null));

    WindowEstimate local = allLocal.windows().get(0);
    WindowEstimate imported = dayThreeImported.windows().get(0);
    // same infectivity (the total incidence), four offspring fewer: shape 5 → 1, same scale
    assertThat(local.mean() / imported.mean()).isCloseTo(5, offset(1e-12));
  }

  /** Asserts every value of every window and returns the largest relative error found. */
  private static double assertMatches(Result result, EpiEstimSnapshot expected) {
    List<String> starts = expected.column("t_start");
    assertThat(result.windows()).extracting(estimate -> estimate.window().start())
        .containsExactlyElementsOf(starts.stream().map(Integer::valueOf).toList());
    assertThat(result.windows()).extracting(estimate -> estimate.window().end())
        .containsExactlyElementsOf(expected.column("t_end").stream().map(Integer::valueOf).toList());
    double worst = 0;
    double worstOfPrinted = 0;
    for (int i = 0; i < result.windows().size(); i++) {
      WindowEstimate estimate = result.windows().get(i);
      List<Double> actual = new ArrayList<>(List.of(estimate.mean(), estimate.sd()));
      actual.addAll(estimate.quantiles());
      List<String> columns = new ArrayList<>(List.of("Mean(R)", "Std(R)"));
      columns.addAll(EpiEstimSnapshot.QUANTILE_COLUMNS);
      for (int c = 0; c < columns.size(); c++) {
        String printed = expected.column(columns.get(c)).get(i);
        double want = Double.parseDouble(printed);
        // R rounded to the digits it printed: agreement within half a unit of the last one is exact
        double halfUnit = printed.contains("e") ? Math.abs(want) * TOLERANCE
            : 0.5 * Math.pow(10, -(printed.length() - printed.indexOf('.') - 1));
        worstOfPrinted = Math.max(worstOfPrinted, Math.abs(actual.get(c) - want) / halfUnit);
        assertThat(Math.abs(actual.get(c) - want)).as("%s of window %s: %s, EpiEstim printed %s", columns.get(c),
            estimate.window(), actual.get(c), printed).isLessThanOrEqualTo(halfUnit * (1 + 1e-6));
        double error = Math.abs(actual.get(c) - want) / Math.abs(want);
        assertThat(error).as("%s of window %s: %s, EpiEstim %s", columns.get(c), estimate.window(), actual.get(c), want)
            .isLessThan(TOLERANCE);
        worst = Math.max(worst, error);
      }
    }
    System.out.printf("%d windows: max relative error against EpiEstim %.3g, max difference %.3f half-units of the"
        + " last digit R printed%n", result.windows().size(), worst, worstOfPrinted);
    return worst;
  }

  /** The serial interval printed by R with 7 significant digits (e.g. 2.331721e-01). */
  private static void assertSameDistribution(SerialInterval actual, List<String> printed) {
    assertThat(actual.length()).isEqualTo(printed.size());
    for (int k = 0; k < printed.size(); k++) {
      double want = Double.parseDouble(printed.get(k));
      assertThat(actual.weight(k)).as("w_%d", k)
          .isCloseTo(want, offset(Math.abs(want) * 5e-7 + 1e-300));
    }
  }

  /**
   * EpiEstim's {@code SI.Moments} mean, Σ k·w<sub>k</sub> over the distribution it used, which decides
   * which windows are dropped: 2.599999 for Example 2, whose 27 days truncate the parametric tail.
   */
  private static void assertSameMean(SerialInterval actual, EpiEstimSnapshot expected) {
    double mean = Double.parseDouble(expected.vector("$SI.Moments").get(1)); // row name, Mean, Std
    assertThat(actual.mean()).isCloseTo(mean, offset(5e-7 * mean));
  }

  static List<Integer> range(int from, int to) {
    return IntStream.rangeClosed(from, to).boxed().toList();
  }

  /** One column of a CSV file in src/test/resources/reference/epiestim/ (integers where they are whole). */
  static List<Number> column(String file, String name) throws IOException {
    List<String> lines = Files.readAllLines(SharedData.require("epiestim/" + file));
    int index = List.of(lines.get(0).split(",")).indexOf(name);
    assertThat(index).as("column %s of %s", name, file).isNotNegative();
    List<Number> values = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        String cell = line.split(",")[index].strip();
        values.add(cell.matches("\\d+") ? Integer.valueOf(cell) : Double.valueOf(cell));
      }
    }
    return values;
  }
}
