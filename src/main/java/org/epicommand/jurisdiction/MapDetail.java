package org.epicommand.jurisdiction;

/**
 * How finely a boundary is drawn: each division's shape is kept simplified three ways (Douglas–Peucker
 * preserving topology, JTS), so that a map downloads what its screen can show. {@code tolerance} is in
 * degrees (0.001° ≈ 100 m); {@code decimals} are the digits kept after rounding.
 */
public enum MapDetail {
  /** A province or a city's counties: ≈ 400 m. */
  COARSE(0.004, 4),
  /** A city's streets or communities: ≈ 100 m. */
  MEDIUM(0.001, 5),
  /** A district's or a street's communities: ≈ 25 m. */
  FINE(0.00025, 5);

  /** A map is about this many pixels across; a step of ~2.5 pixels is not seen. */
  private static final double PIXELS = 400;

  private final double tolerance;
  private final int decimals;

  MapDetail(double tolerance, int decimals) {
    this.tolerance = tolerance;
    this.decimals = decimals;
  }

  public double tolerance() {
    return tolerance;
  }

  public int decimals() {
    return decimals;
  }

  /** The coarsest detail that still looks exact on a map {@code degrees} across (its longer side). */
  public static MapDetail forExtent(double degrees) {
    double step = degrees / PIXELS;
    if (step >= COARSE.tolerance) {
      return COARSE;
    }
    return step >= MEDIUM.tolerance ? MEDIUM : FINE;
  }
}
