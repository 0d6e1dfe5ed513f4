package org.epicommand.supervision;

/**
 * One unit's supervision record. {@code score} = clamp(100 − 2·found + 2·closedOnTime − 5·overdue
 * − 3·rejected − 10·accountability, 0, 100): a problem found and settled by its deadline nets
 * zero; one settled late or still open past its deadline costs 7; each rejected evidence 3; each
 * accountability measure 10.
 */
public record ScorecardRow(String unitCode, String unitName, int found, int closedOnTime, int overdue, int rejected,
    int accountability, int score) {

  public static int of(int found, int closedOnTime, int overdue, int rejected, int accountability) {
    int raw = 100 - 2 * found + 2 * closedOnTime - 5 * overdue - 3 * rejected - 10 * accountability;
    return Math.max(0, Math.min(100, raw));
  }
}
