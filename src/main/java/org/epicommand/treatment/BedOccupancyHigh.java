package org.epicommand.treatment;

/**
 * A hospital's beds of a type reached the alert share ({@code epicommand.treatment.occupancy-alert-percent},
 * 80 %) from below it — an admission, a stay recorded on the case, or beds taken out of service: published once
 * per crossing.
 */
public record BedOccupancyHigh(String hospitalCode, String hospitalName, String jurisdictionCode, BedType bedType,
    int occupied, int usable, int percent) {

  /** The event when {@code after} is at or above the alert share and {@code before} was below it; empty otherwise. */
  public static java.util.Optional<BedOccupancyHigh> crossing(String hospitalCode, String hospitalName,
      String jurisdictionCode, BedLine before, BedLine after, int alertPercent) {
    return after.occupied() > 0 && before.percent() < alertPercent && after.percent() >= alertPercent
        ? java.util.Optional.of(new BedOccupancyHigh(hospitalCode, hospitalName, jurisdictionCode, after.type(),
            after.occupied(), after.usable(), after.percent()))
        : java.util.Optional.empty();
  }
}
