package org.epicommand.sentinel;

import java.time.LocalDate;
import java.util.List;

/**
 * The sentinel board of a division on a day: the registrations per day over the two weeks up to it with each
 * day's baseline (the mean of the 7 days before), and the day's figures per drug class, per part of the division
 * (its child divisions; the division itself for pharmacies registered on it) and the parts' classes that rise
 * (at least {@code riseMinimum} registrations and {@code risePercent} above their baseline). {@code drugClass},
 * when chosen, narrows the days and the parts to that class.
 */
public record PurchaseBoard(String jurisdictionCode, String jurisdictionName, LocalDate day, DrugClass drugClass,
    int risePercent, int riseMinimum, List<Day> days, List<ClassLine> classes, List<PartLine> parts,
    List<Alert> alerts) {

  /** A day's registrations and packs, with the mean registrations of the 7 days before it. */
  public record Day(LocalDate day, long registrations, long packs, double baseline) {}

  /**
   * The day's registrations and packs against the mean of the 7 days before; {@code changePercent} null when the
   * baseline is 0; {@code rising} by the board's rule.
   */
  public record Figure(long registrations, long packs, double baseline, Integer changePercent, boolean rising) {}

  public record ClassLine(DrugClass drugClass, Figure figure) {}

  /** A part of the division: a child division, or the division itself ({@code own}). */
  public record PartLine(String jurisdictionCode, String jurisdictionName, boolean own, Figure figure) {}

  /** A class rising in a part of the division. */
  public record Alert(String jurisdictionCode, String jurisdictionName, DrugClass drugClass, Figure figure) {}

  /** The parts' classes rising, as many as there are. */
  public boolean rising() {
    return !alerts.isEmpty();
  }
}
