package org.epicommand.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.epicommand.support.SharedData;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.junit.jupiter.api.Test;

/**
 * Delay summaries on hand-checked values and on published transmission data in src/test/resources/reference:
 * serial intervals of the 1,407 infector → infectee pairs of Ali et al. 2020 and incubation periods
 * (end of exposure → onset) of the Tianjin cluster data. Mean and sd are checked against sums
 * computed here independently in exact integer arithmetic.
 */
class DelayStatisticsTest {

  static final Path PAIRS = SharedData.require("pairs/Ali2020_TableS1_1407TransPairs.csv");
  static final Path TIANJIN = SharedData.require("clusters/Tianjin135cases_revised.csv");

  @Test
  void smallSampleByHand() {
    // 1, 2, 2, 3, 7: mean 3, squares 4+1+1+0+16 = 22, var 22/4 = 5.5
    DelayStatistics.Summary s = DelayStatistics.of(new int[] {3, 2, 7, 1, 2});
    assertThat(s.n()).isEqualTo(5);
    assertThat(s.mean()).isEqualTo(3.0);
    assertThat(s.sd()).isCloseTo(Math.sqrt(5.5), within(1e-12));
    assertThat(s.median()).isEqualTo(2.0);
    // type 7: p = 0.25 → h = 1 → 2; p = 0.975 → h = 3.9 → 3 + 0.9·4 = 6.6
    assertThat(s.quantiles()).containsExactly(1.1, 2.0, 2.0, 3.0, 6.6);
    assertThat(s.gamma().shape()).isCloseTo(9 / 5.5, within(1e-12));
    assertThat(s.gamma().scale()).isCloseTo(5.5 / 3, within(1e-12));
    assertThat(s.histogramStart()).isEqualTo(1);
    assertThat(s.histogram()).containsExactly(1, 2, 1, 0, 0, 0, 1);
  }

  @Test
  void noDataAndNoSpreadGiveNoGamma() {
    assertThat(DelayStatistics.of(new int[0]).n()).isZero();
    assertThat(DelayStatistics.of(new int[0]).gamma()).isNull();
    assertThat(DelayStatistics.of(new int[] {4, 4, 4}).gamma()).isNull();
    assertThat(DelayStatistics.of(new int[] {-2, 1}).gamma()).isNull(); // mean −0.5
  }

  @Test
  void serialIntervalsOfTheAli2020Pairs() throws IOException {
    List<String> lines = Files.readAllLines(PAIRS, StandardCharsets.UTF_8);
    List<String> header = csv(lines.get(0));
    int infector = header.indexOf("infector_onsetDate");
    int infectee = header.indexOf("infectee_onsetDate");
    DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    List<Integer> intervals = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> row = csv(line);
      if (row.size() > infectee && row.get(infector).matches("\\d{4}/\\d{2}/\\d{2}")
          && row.get(infectee).matches("\\d{4}/\\d{2}/\\d{2}")) {
        intervals.add((int) (LocalDate.parse(row.get(infectee), format).toEpochDay()
            - LocalDate.parse(row.get(infector), format).toEpochDay()));
      }
    }
    assertThat(intervals.size()).isGreaterThan(600); // 679 of the 1,407 pairs have both onset dates
    checkAgainstIndependentSums(intervals);
    DelayStatistics.Summary s = DelayStatistics.of(intervals.stream().mapToInt(Integer::intValue).toArray());
    assertThat(s.negatives()).isPositive(); // pre-symptomatic transmission shows as negative intervals
    assertThat(s.mean()).isBetween(3.0, 7.0);
  }

  @Test
  void incubationPeriodsOfTheTianjinClusters() throws IOException {
    List<String> lines = Files.readAllLines(TIANJIN, StandardCharsets.UTF_8);
    List<String> header = csv(lines.get(0).replace("\uFEFF", ""));
    int onset = header.indexOf("symptom_onset");
    int exposureEnd = header.indexOf("end_source");
    DateTimeFormatter format = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    List<Integer> periods = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> row = csv(line);
      if (row.size() > exposureEnd && row.get(onset).matches("\\d{2}/\\d{2}/\\d{4}")
          && row.get(exposureEnd).matches("\\d{2}/\\d{2}/\\d{4}")) {
        periods.add((int) (LocalDate.parse(row.get(onset), format).toEpochDay()
            - LocalDate.parse(row.get(exposureEnd), format).toEpochDay()));
      }
    }
    assertThat(periods.size()).isGreaterThan(50);
    checkAgainstIndependentSums(periods);
  }

  /** Mean and sd from exact integer sums (Σx, Σx²), the median from the middle of the sorted values. */
  private static void checkAgainstIndependentSums(List<Integer> values) {
    long n = values.size();
    long sum = values.stream().mapToLong(Integer::longValue).sum();
    long squares = values.stream().mapToLong(v -> (long) v * v).sum();
    double mean = (double) sum / n;
    double variance = (squares - (double) sum * sum / n) / (n - 1);
    int[] sorted = values.stream().mapToInt(Integer::intValue).sorted().toArray();
    double median = n % 2 == 1 ? sorted[(int) n / 2] : (sorted[(int) n / 2 - 1] + sorted[(int) n / 2]) / 2.0;

    DelayStatistics.Summary s = DelayStatistics.of(values.stream().mapToInt(Integer::intValue).toArray());
    assertThat(s.n()).isEqualTo((int) n);
    assertThat(s.mean()).isCloseTo(mean, within(1e-12));
    assertThat(s.sd()).isCloseTo(Math.sqrt(variance), within(1e-9));
    assertThat(s.median()).isEqualTo(median);
    assertThat(s.min()).isEqualTo(sorted[0]);
    assertThat(s.max()).isEqualTo(sorted[sorted.length - 1]);
    assertThat(Arrays.stream(s.histogram()).sum()).isEqualTo((int) n);
    // the moment-matched gamma has the sample's mean and variance
    GammaDistribution gamma = GammaDistribution.of(s.gamma().shape(), s.gamma().scale());
    assertThat(gamma.getMean()).isCloseTo(mean, within(1e-9));
    assertThat(gamma.getVariance()).isCloseTo(variance, within(1e-9));
    assertThat(s.gamma().median()).isCloseTo(gamma.inverseCumulativeProbability(0.5), within(1e-9));
  }

  /** One CSV line: commas outside double quotes separate fields; "" inside quotes is a quote. */
  static List<String> csv(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString().strip());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString().strip());
    return fields;
  }
}
