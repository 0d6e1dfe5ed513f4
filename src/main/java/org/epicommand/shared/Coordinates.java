package org.epicommand.shared;

import java.util.List;

/**
 * Optional map coordinates of a place (a venue, a checkpoint): WGS-84 degrees, both or neither,
 * latitude in [-90, 90], longitude in [-180, 180] — a swapped pair of a place in China fails the first.
 */
public final class Coordinates {

  private Coordinates() {}

  /** Adds a problem under {@code lat} or {@code lon} for each rule the pair breaks. */
  public static void check(Double lat, Double lon, List<FieldProblem> problems) {
    if ((lat == null) != (lon == null)) {
      problems.add(FieldProblem.of(lat == null ? "lat" : "lon", "coordinates.pair"));
      return;
    }
    if (lat != null && !(lat >= -90 && lat <= 90)) {
      problems.add(FieldProblem.of("lat", "coordinates.lat"));
    }
    if (lon != null && !(lon >= -180 && lon <= 180)) {
      problems.add(FieldProblem.of("lon", "coordinates.lon"));
    }
  }

  /**
   * A coordinate as typed in a form or a file cell: decimal degrees ({@code 30.2741}, {@code -0.5});
   * blank is none, anything else (text, {@code 1e3}, {@code 30.5d}, {@code NaN}) is NaN, which the
   * check rejects.
   */
  public static Double parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    return t.matches("[+-]?\\d{1,3}(\\.\\d{1,12})?") ? Double.valueOf(t) : Double.NaN;
  }
}
