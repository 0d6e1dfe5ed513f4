package org.epicommand.analytics.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The situation report's map drawn on the server (Java 2D, headless) as a PNG {@code data:} URI, like its
 * charts: areas filled by the bins of the command map's legend (0, 1–4, 5–9, 10–49, 50 and more — the
 * colours of static/js/command-map.js), risk areas over them in their level's colour, each area's name and
 * figure at its label point. Names need a CJK font: the bundled Noto Sans SC when the jar has it, else a
 * system font that can show them, else the figures alone (the table beside the map names the areas).
 */
public final class MapChart {

  /** The upper ends of the bins (inclusive) and their colours; the last bin is open. */
  static final long[] BIN_MAX = {0, 4, 9, 49};
  static final List<Color> BIN_COLORS = List.of(new Color(0xE8EEF7), new Color(0xFCD5B5), new Color(0xF8A46F),
      new Color(0xE8543F), new Color(0xA50F15));

  private static final int WIDTH = 760;
  private static final int HEIGHT = 520;
  private static final int MARGIN = 12;
  private static final Color BORDER = new Color(0x5B6B8C);
  private static final String BUNDLED_FONT = "fonts/NotoSansSC-Regular.ttf";

  /** An area with its name and figure (shown as given, e.g. "&lt;5") and the point its label goes on. */
  public record Area(Geometry geometry, String name, long value, String text, double labelLon, double labelLat) {}

  /** A risk area: its shape and its level's colour ({@code #rrggbb}). */
  public record Overlay(Geometry geometry, String colour) {}

  private static volatile Optional<Font> cjk;

  private MapChart() {}

  /** The colour of a figure's bin. */
  static Color colour(long value) {
    for (int i = 0; i < BIN_MAX.length; i++) {
      if (value <= BIN_MAX[i]) {
        return BIN_COLORS.get(i);
      }
    }
    return BIN_COLORS.get(BIN_COLORS.size() - 1);
  }

  public static String draw(List<Area> areas, List<Overlay> overlays) {
    Envelope extent = new Envelope();
    areas.forEach(a -> extent.expandToInclude(a.geometry().getEnvelopeInternal()));
    // degrees of longitude are shorter than those of latitude by the cosine of the latitude
    double aspect = Math.cos(Math.toRadians(extent.centre() == null ? 30 : extent.centre().y));
    double scale = Math.min((WIDTH - 2.0 * MARGIN) / (extent.getWidth() * aspect),
        (HEIGHT - 2.0 * MARGIN) / extent.getHeight());
    double offsetX = (WIDTH - extent.getWidth() * aspect * scale) / 2;
    double offsetY = (HEIGHT - extent.getHeight() * scale) / 2;
    AffineTransform toScreen = new AffineTransform(aspect * scale, 0, 0, -scale,
        offsetX - extent.getMinX() * aspect * scale, offsetY + extent.getMaxY() * scale);
    ShapeWriter shapes = new ShapeWriter((src, dest) -> toScreen.transform(new Point2D.Double(src.x, src.y), dest));

    return Charts.png(WIDTH, HEIGHT, g -> {
      for (Area area : areas) {
        Shape shape = shapes.toShape(area.geometry());
        g.setColor(colour(area.value()));
        g.fill(shape);
        g.setColor(BORDER);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(shape);
      }
      for (Overlay overlay : overlays) {
        Shape shape = shapes.toShape(overlay.geometry());
        Color level = Color.decode(overlay.colour());
        g.setColor(new Color(level.getRed(), level.getGreen(), level.getBlue(), 110));
        g.fill(shape);
        g.setColor(level);
        g.setStroke(new BasicStroke(1.6f));
        g.draw(shape);
      }
      labels(g, areas, toScreen);
    });
  }

  /** Each area's name (when a CJK font is at hand) and figure on a light box at its label point. */
  private static void labels(Graphics2D g, List<Area> areas, AffineTransform toScreen) {
    Optional<Font> names = cjkFont();
    g.setFont(names.orElse(new Font(Font.SANS_SERIF, Font.PLAIN, 12)).deriveFont(Font.PLAIN, areas.size() > 30 ? 9f
        : 12f));
    FontMetrics metrics = g.getFontMetrics();
    for (Area area : areas) {
      Point2D at = toScreen.transform(new Point2D.Double(area.labelLon(), area.labelLat()), null);
      String label = names.isPresent() ? area.name() + " " + area.text() : area.text();
      int x = (int) Math.round(at.getX() - metrics.stringWidth(label) / 2.0);
      int y = (int) Math.round(at.getY() + metrics.getAscent() / 2.0);
      g.setColor(new Color(255, 255, 255, 190));
      g.fillRoundRect(x - 3, y - metrics.getAscent(), metrics.stringWidth(label) + 6, metrics.getHeight(), 4, 4);
      g.setColor(new Color(0x1F2A44));
      g.drawString(label, x, y);
    }
  }

  /** A font that shows Chinese names: the bundled Noto Sans SC, else a system one; found once. */
  static Optional<Font> cjkFont() {
    Optional<Font> found = cjk;
    if (found == null) {
      found = bundled().or(MapChart::system);
      cjk = found;
    }
    return found;
  }

  private static Optional<Font> bundled() {
    try (InputStream in = MapChart.class.getClassLoader().getResourceAsStream(BUNDLED_FONT)) {
      return in == null ? Optional.empty() : Optional.of(Font.createFont(Font.TRUETYPE_FONT, in));
    } catch (IOException | java.awt.FontFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Font> system() {
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    return font.canDisplayUpTo("滨江市东湖区") == -1 ? Optional.of(font) : Optional.empty();
  }
}
