package org.epicommand.vaccination;

/**
 * The age bands of coverage (docs/domain.md §9): 3–11, 12–17, 18–59, 60–69, 70–79, 80+, and two sums
 * shown apart, 60+ and all ages from 3. Age is reckoned by year of birth (统计年份 − 出生年份), as the
 * campaign notices define their groups ("60 岁以上" = born in the year 60 years back or earlier).
 */
public enum AgeBand {
  AGE_3_11(3, 11, false), AGE_12_17(12, 17, false), AGE_18_59(18, 59, false), AGE_60_69(60, 69, false),
  AGE_70_79(70, 79, false), AGE_80_PLUS(80, null, false), AGE_60_PLUS(60, null, true), ALL(3, null, true);

  private final int from;
  private final Integer to;
  private final boolean sum;

  AgeBand(int from, Integer to, boolean sum) {
    this.from = from;
    this.to = to;
    this.sum = sum;
  }

  /** The band of an age (not a sum); null under 3. */
  public static AgeBand of(int age) {
    for (AgeBand band : values()) {
      if (!band.sum && band.contains(age)) {
        return band;
      }
    }
    return null;
  }

  /** The band of a year of birth in {@code year} (0: unknown → null). */
  public static AgeBand ofBirthYear(int birthYear, int year) {
    return birthYear <= 0 ? null : of(year - birthYear);
  }

  public boolean contains(int age) {
    return age >= from && (to == null || age <= to);
  }

  /** Whether this is a sum of bands (60+, all ages), not a band of its own. */
  public boolean sum() {
    return sum;
  }

  public int from() {
    return from;
  }
}
