package org.epicommand.shared;

/**
 * PostgreSQL's COPY text format, the one way every bulk path writes its rows: a value is written
 * with backslash, tab, newline and carriage return escaped, a null as {@code \N}.
 */
public final class CopyText {

  private CopyText() {}

  /** Appends {@code value} (its {@code toString()}) in COPY text form, without a separator. */
  public static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("\\N");
      return;
    }
    String text = value.toString();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }
}
