package org.epicommand.labtest.internal;

import org.epicommand.imports.CellValues;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.epicommand.shared.FieldProblem;

/**
 * Numbers and yes/no as people type them in forms and spreadsheets, for sampling sites and labs:
 * blank is null; what is not a number (a flag) is a problem of its field.
 */
public final class PlaceCells {


  private PlaceCells() {}

  public static Integer count(String text, String field, List<FieldProblem> problems) {
    return number(text == null ? null : text.replace(",", "").replace("，", ""), Integer::valueOf, field, problems);
  }

  public static BigDecimal degrees(String text, String field, List<FieldProblem> problems) {
    return number(text, BigDecimal::new, field, problems);
  }

  private static <T> T number(String text, Function<String, T> parse, String field, List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return parse.apply(text.strip());
    } catch (NumberFormatException e) {
      problems.add(FieldProblem.of(field, "labtest.place.number"));
      return null;
    }
  }

  public static boolean flag(String text, String field, List<FieldProblem> problems) {
    Boolean value = CellValues.yesNo(text);
    if (value == null) {
      problems.add(FieldProblem.of(field, "labtest.place.flag"));
      return false;
    }
    return value;
  }
}
