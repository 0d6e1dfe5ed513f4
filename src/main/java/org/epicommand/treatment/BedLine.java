package org.epicommand.treatment;

/** Beds of one type in a hospital: total, out of service, occupied (open admissions) and what is left. */
public record BedLine(BedType type, int total, int outOfService, int occupied) {

  /** Beds in service. */
  public int usable() {
    return total - outOfService;
  }

  public int available() {
    return Math.max(0, usable() - occupied);
  }

  /** Occupied share of the beds in service, 0–100 (100 when none is in service but some are occupied). */
  public int percent() {
    return usable() <= 0 ? (occupied > 0 ? 100 : 0) : (int) Math.round(100.0 * occupied / usable());
  }
}
