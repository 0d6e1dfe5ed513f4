package org.epicommand.analytics.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Charts of the situation report drawn on the server (Java 2D, headless) as PNG {@code data:} URIs, so that
 * the page and the PDF show the same picture without a browser. Axis labels are digits and dates only (the
 * JDK's logical sans-serif font has them everywhere); titles and legends are in the HTML around the image.
 */
public final class Charts {

  /** Series colours: local confirmed, local asymptomatic, imported (those of the dashboard, static/js/analytics.js). */
  public static final List<Color> SERIES = List.of(new Color(0xC0392B), new Color(0xE6A100), new Color(0x2C3E6B));

  private static final int WIDTH = 760;
  private static final int HEIGHT = 260;
  private static final int SCALE = 2;
  private static final int LEFT = 46;
  private static final int RIGHT = 12;
  private static final int TOP = 12;
  private static final int BOTTOM = 30;
  private static final Color GRID = new Color(0xDDDDDD);
  private static final Color AXIS = new Color(0x555555);

  private Charts() {}

  /** Stacked daily bars, one stack per label, series in the order of {@link #SERIES}. */
  public static String stackedBars(List<String> labels, List<List<Long>> series) {
    long max = 1;
    for (int day = 0; day < labels.size(); day++) {
      long sum = 0;
      for (List<Long> s : series) {
        sum += s.get(day);
      }
      max = Math.max(max, sum);
    }
    double top = niceTop(max);
    return draw((g, plotW, plotH) -> {
      axes(g, labels, top, plotW, plotH, false);
      double slot = (double) plotW / labels.size();
      for (int day = 0; day < labels.size(); day++) {
        double base = 0;
        for (int s = 0; s < series.size(); s++) {
          long value = series.get(s).get(day);
          if (value == 0) {
            continue;
          }
          double y0 = TOP + plotH - base / top * plotH;
          double y1 = TOP + plotH - (base + value) / top * plotH;
          g.setColor(SERIES.get(s % SERIES.size()));
          g.fill(new java.awt.geom.Rectangle2D.Double(LEFT + day * slot + slot * 0.15, y1, slot * 0.7, y0 - y1));
          base += value;
        }
      }
    });
  }

  /**
   * Rt per window end: the posterior mean as a line, the 95 % credible interval as a band and Rt = 1 as a
   * dashed line. {@code null} values (windows with too few cases) leave gaps.
   */
  public static String rt(List<String> labels, List<Double> mean, List<Double> low, List<Double> high) {
    double top = rtTop(mean, high);
    return draw((g, plotW, plotH) -> {
      axes(g, labels, top, plotW, plotH, true);
      double slot = (double) plotW / labels.size();
      g.setColor(new Color(46, 134, 193, 60)); // the 95 % band
      for (int i = 0; i < labels.size(); i++) {
        if (low.get(i) != null && high.get(i) != null) {
          double x = LEFT + i * slot;
          double y1 = y(Math.min(high.get(i), top), top, plotH);
          double y0 = y(low.get(i), top, plotH);
          g.fill(new java.awt.geom.Rectangle2D.Double(x, y1, slot, y0 - y1));
        }
      }
      g.setColor(AXIS);
      g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
      g.draw(new Line2D.Double(LEFT, y(1, top, plotH), LEFT + plotW, y(1, top, plotH)));
      g.setColor(new Color(0x2E86C1));
      g.setStroke(new BasicStroke(2f));
      Path2D line = new Path2D.Double();
      boolean drawing = false;
      for (int i = 0; i < labels.size(); i++) {
        Double m = mean.get(i);
        if (m == null) {
          drawing = false;
          continue;
        }
        double x = LEFT + (i + 0.5) * slot;
        double yy = y(Math.min(m, top), top, plotH);
        if (drawing) {
          line.lineTo(x, yy);
        } else {
          line.moveTo(x, yy);
          g.fill(new java.awt.geom.Ellipse2D.Double(x - 2, yy - 2, 4, 4));
        }
        drawing = true;
      }
      g.draw(line);
    });
  }

  /**
   * The top of the Rt axis: above every mean (an early epidemic's Rt of 12 is drawn, not cut at 8) and
   * above the upper bounds too, unless an interval is so wide (few cases) that it would flatten the
   * means — then the band is cut at twice the highest mean.
   */
  static double rtTop(List<Double> mean, List<Double> high) {
    double means = 0;
    for (Double m : mean) {
      if (m != null) {
        means = Math.max(means, m);
      }
    }
    double bands = 0;
    for (Double h : high) {
      if (h != null) {
        bands = Math.max(bands, h);
      }
    }
    return niceTop(Math.max(2, Math.max(means * 1.1, Math.min(bands, Math.max(2, means * 2)))));
  }

  private interface Painter {
    void paint(Graphics2D g, int plotWidth, int plotHeight);
  }

  private static String draw(Painter painter) {
    return png(WIDTH, HEIGHT, g -> {
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      painter.paint(g, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
    });
  }

  /**
   * A picture of {@code width} × {@code height} (drawn at twice the resolution, for print), smoothed, on white,
   * as a PNG {@code data:} URI: the charts' and the map's one way to paint.
   */
  static String png(int width, int height, java.util.function.Consumer<Graphics2D> painter) {
    BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.scale(SCALE, SCALE);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      painter.accept(g);
    } finally {
      g.dispose();
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void axes(Graphics2D g, List<String> labels, double top, int plotW, int plotH, boolean decimals) {
    var metrics = g.getFontMetrics();
    for (int tick = 0; tick <= 4; tick++) {
      double value = top * tick / 4;
      double yy = y(value, top, plotH);
      g.setColor(GRID);
      g.draw(new Line2D.Double(LEFT, yy, LEFT + plotW, yy));
      String text = decimals ? String.format(java.util.Locale.ROOT, "%.1f", value) : Long.toString(Math.round(value));
      g.setColor(AXIS);
      g.drawString(text, LEFT - 6 - metrics.stringWidth(text), (float) yy + 4);
    }
    g.setColor(AXIS);
    g.draw(new Line2D.Double(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH));
    double slot = (double) plotW / Math.max(1, labels.size());
    int every = Math.max(1, (int) Math.ceil(labels.size() / 8.0));
    for (int i = labels.size() - 1; i >= 0; i -= every) {
      String text = labels.get(i);
      double x = LEFT + (i + 0.5) * slot - metrics.stringWidth(text) / 2.0;
      x = Math.min(x, WIDTH - 2 - metrics.stringWidth(text));
      g.drawString(text, (float) Math.max(0, x), TOP + plotH + 18);
    }
  }

  private static double y(double value, double top, int plotH) {
    return TOP + plotH - value / top * plotH;
  }

  /** 1, 2, 5 × 10ⁿ at or above {@code max}, so that the four grid steps are round numbers. */
  static double niceTop(double max) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(max, 1))));
    for (double step : new double[] {1, 2, 4, 5, 8, 10}) {
      if (step * magnitude >= max) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }
}
