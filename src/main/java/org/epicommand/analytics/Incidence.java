package org.epicommand.analytics;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;

/**
 * Daily case counts, day 1 first, split into local and imported cases. Only local cases count as
 * offspring in the reproduction number; all cases (local + imported) are infectors.
 */
public record Incidence(int[] local, int[] imported) {

  /**
   * About ten years of daily counts: bounds the work of one request (an O(T²) infectivity sum, and at
   * most this many windows, each with seven gamma quantiles).
   */
  public static final int MAX_DAYS = 3_660;

  /**
   * At most this many cases in all: the posterior shape grows with the cases of a window, and the gamma
   * quantiles of Commons Statistics stop converging for shapes beyond about 10¹⁰.
   */
  public static final long MAX_CASES = 100_000_000;

  public Incidence {
    if (local.length != imported.length || local.length < 2
        || Arrays.stream(local).anyMatch(n -> n < 0) || Arrays.stream(imported).anyMatch(n -> n < 0)) {
      throw new IllegalArgumentException("local and imported need non-negative counts for the same 2 or more days");
    }
    local = local.clone();
    imported = imported.clone();
  }

  /**
   * Validates the counts as received. Without {@code imported} only day 1 is imported; in any case
   * all cases of day 1 are imported, because nothing before them could have infected them (EpiEstim's
   * {@code process_I} moves local cases of the first day to the imported ones).
   */
  public static Incidence of(List<? extends Number> total, List<? extends Number> imported) {
    int[] all = counts(total);
    if (all == null || all.length < 2 || all.length > MAX_DAYS || Arrays.stream(all).asLongStream().sum() > MAX_CASES) {
      throw new ValidationFailure(FieldProblem.of("incidence", "rt.incidence", MAX_DAYS, MAX_CASES));
    }
    int[] importedCases = imported == null ? new int[all.length] : counts(imported);
    if (importedCases == null || importedCases.length != all.length
        || IntStream.range(0, all.length).anyMatch(day -> importedCases[day] > all[day])) {
      throw new ValidationFailure(FieldProblem.of("importedIncidence", "rt.imported"));
    }
    int[] local = new int[all.length];
    importedCases[0] = all[0];
    for (int day = 1; day < all.length; day++) {
      local[day] = all[day] - importedCases[day];
    }
    return new Incidence(local, importedCases);
  }

  /** The number of days T. */
  public int days() {
    return local.length;
  }

  /** Local + imported cases on {@code day} (1-based, as in EpiEstim). */
  public int total(int day) {
    return local[day - 1] + imported[day - 1];
  }

  /** Local cases on {@code day} (1-based). */
  public int localCases(int day) {
    return local[day - 1];
  }

  @Override
  public int[] local() {
    return local.clone();
  }

  @Override
  public int[] imported() {
    return imported.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Incidence that && Arrays.equals(local, that.local) && Arrays.equals(imported,
        that.imported);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(local) + Arrays.hashCode(imported);
  }

  @Override
  public String toString() {
    return "Incidence[local=" + Arrays.toString(local) + ", imported=" + Arrays.toString(imported) + "]";
  }

  /** Whole non-negative numbers (1.0 is accepted, 1.5 is not), or null if any value is not one. */
  private static int[] counts(List<? extends Number> values) {
    if (values == null) {
      return null;
    }
    int[] counts = new int[values.size()];
    for (int i = 0; i < counts.length; i++) {
      Number value = values.get(i);
      double number = value == null ? Double.NaN : value.doubleValue();
      if (!(number >= 0) || number > Integer.MAX_VALUE || number != Math.rint(number)) {
        return null;
      }
      counts[i] = (int) number;
    }
    return counts;
  }
}
