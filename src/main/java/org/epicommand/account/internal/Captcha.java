package org.epicommand.account.internal;

import jakarta.servlet.http.HttpSession;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * A simple image CAPTCHA drawn with Java2D, no external service: five digits as strokes (no fonts
 * needed on the server), each shifted, slanted and rotated, over noise lines. The answer is kept in
 * the servlet session and can be used once.
 */
@Component
public class Captcha {

  /** The session attribute holding the answer. */
  public static final String ATTRIBUTE = "epicommand.captcha";
  static final int LENGTH = 5;
  private static final int WIDTH = 160;
  private static final int HEIGHT = 56;

  /** Segments a–g of a seven-segment digit, as bits 0–6. */
  private static final int[] SEGMENTS = {0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F};

  private final SecureRandom random = new SecureRandom();

  /** Makes a new challenge for the session and answers its PNG image. */
  public byte[] issue(HttpSession session) {
    StringBuilder answer = new StringBuilder();
    for (int i = 0; i < LENGTH; i++) {
      answer.append(random.nextInt(10));
    }
    session.setAttribute(ATTRIBUTE, answer.toString());
    return png(answer.toString());
  }

  /** Whether {@code given} answers the session's challenge; the challenge is used up either way. */
  public boolean solve(HttpSession session, String given) {
    Object expected = session == null ? null : session.getAttribute(ATTRIBUTE);
    if (session != null) {
      session.removeAttribute(ATTRIBUTE);
    }
    return expected != null && given != null && expected.equals(given.strip());
  }

  private byte[] png(String digits) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(new Color(245, 247, 250));
      g.fillRect(0, 0, WIDTH, HEIGHT);
      for (int i = 0; i < 8; i++) {
        g.setColor(new Color(150 + random.nextInt(80), 150 + random.nextInt(80), 150 + random.nextInt(80)));
        g.setStroke(new BasicStroke(1 + random.nextFloat()));
        g.drawLine(random.nextInt(WIDTH), random.nextInt(HEIGHT), random.nextInt(WIDTH), random.nextInt(HEIGHT));
      }
      for (int i = 0; i < digits.length(); i++) {
        AffineTransform plain = g.getTransform();
        g.translate(12 + i * 29 + random.nextInt(5), 10 + random.nextInt(8));
        g.rotate((random.nextDouble() - 0.5) * 0.5, 9, 17);
        g.shear((random.nextDouble() - 0.5) * 0.4, 0);
        g.setColor(new Color(random.nextInt(90), random.nextInt(90), 60 + random.nextInt(100)));
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        digit(g, digits.charAt(i) - '0');
        g.setTransform(plain);
      }
      for (int i = 0; i < 120; i++) {
        image.setRGB(random.nextInt(WIDTH), random.nextInt(HEIGHT), random.nextInt(0xFFFFFF));
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One digit, 18 wide and 34 high, as its seven segments. */
  private static void digit(Graphics2D g, int value) {
    int[][] lines = {{0, 0, 18, 0}, {18, 0, 18, 17}, {18, 17, 18, 34}, {0, 34, 18, 34}, {0, 17, 0, 34},
        {0, 0, 0, 17}, {0, 17, 18, 17}};
    for (int segment = 0; segment < 7; segment++) {
      if ((SEGMENTS[value] & (1 << segment)) != 0) {
        int[] l = lines[segment];
        g.drawLine(l[0], l[1], l[2], l[3]);
      }
    }
  }
}
