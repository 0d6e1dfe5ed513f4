package org.epicommand.quality.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a kind may know while one file is rendered: a key source that never repeats within the JVM
 * (the test database is one ephemeral PostgreSQL per JVM, so every valid row is new to it), and the
 * valid rows rendered so far in this file (for parent links and duplicates).
 *
 * <p>Keys count up through the run, and they show in the bytes (names are Chinese numerals of the
 * key, and whether a mixed-encoding file happens to be valid GB18030 depends on them): so a failure
 * names the first key of its file with its seed, and a rerun {@linkplain #skipTo skips to} it.
 */
final class RenderState {

  private static final AtomicLong KEYS = new AtomicLong(1);

  private final List<Map<String, String>> valid = new ArrayList<>();

  /** A number no other row of this JVM has had. */
  long nextKey() {
    return KEYS.getAndIncrement();
  }

  /** The key the next row of the JVM will take. */
  static long upcomingKey() {
    return KEYS.get();
  }

  /** Lets the keys go on from {@code key}, or from where they are if that is further (keys never repeat). */
  static void skipTo(long key) {
    KEYS.accumulateAndGet(key, Math::max);
  }

  /** The cells of the valid rows rendered so far, in file order. */
  List<Map<String, String>> validRows() {
    return Collections.unmodifiableList(valid);
  }

  void addValid(Map<String, String> cells) {
    valid.add(cells);
  }

  /** Chinese numerals for a key, so that names are non-ASCII (and encodable in GBK). */
  static String chinese(long key) {
    String digits = "零一二三四五六七八九";
    StringBuilder text = new StringBuilder();
    for (char c : Long.toString(key).toCharArray()) {
      text.append(digits.charAt(c - '0'));
    }
    return text.toString();
  }
}
