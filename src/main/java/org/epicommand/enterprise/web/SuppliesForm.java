package org.epicommand.enterprise.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.epicommand.enterprise.Supplies;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;

/**
 * The supplies of an application as a page's form sends them (text): empty is none, anything that is not a
 * number is a field error under its field ({@code supplies.masks} …), the ranges are the facade's to check.
 */
final class SuppliesForm {

  private SuppliesForm() {}

  static Supplies parse(String masks, String thermometers, String disinfectantLitres, boolean isolationRoom) {
    List<FieldProblem> problems = new ArrayList<>();
    Integer m = whole(masks, "supplies.masks", 100_000_000, problems);
    Integer t = whole(thermometers, "supplies.thermometers", 1_000_000, problems);
    BigDecimal litres = BigDecimal.ZERO;
    if (disinfectantLitres != null && !disinfectantLitres.isBlank()) {
      try {
        litres = new BigDecimal(disinfectantLitres.strip());
      } catch (NumberFormatException e) {
        problems.add(FieldProblem.of("supplies.disinfectantLitres", "resumption.litres", 0, 1_000_000));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return new Supplies(m, t, litres, isolationRoom);
  }

  private static Integer whole(String value, String field, int max, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      problems.add(FieldProblem.of(field, "organisation.range", 0, max));
      return 0;
    }
  }
}
