package org.epicommand.quarantine.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.epicommand.quarantine.Symptom;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;

/**
 * A health check as a page form posts it: the temperature as typed (one decimal, e.g. 36.5; a comma
 * is read as the decimal point), ticked symptoms, and for whom (staff: the order; a household head
 * on the personal page: a dependant's order).
 */
record HealthCheckForm(String orderId, String temperature, List<Symptom> symptoms) {

  BigDecimal parsedTemperature() {
    String typed = temperature == null ? "" : temperature.strip().replace('，', '.').replace(',', '.');
    if (!typed.matches("\\d{2}(\\.\\d)?")) {
      throw new ValidationFailure(FieldProblem.of("temperature", "quarantine.health.temperature",
          new BigDecimal("34.0"),
          new BigDecimal("43.0")));
    }
    return new BigDecimal(typed);
  }

  List<Symptom> ticked() {
    return symptoms == null ? List.of() : symptoms;
  }

  /** The order id, or null when none (or a malformed one) was posted. */
  UUID order() {
    try {
      return orderId == null || orderId.isBlank() ? null : UUID.fromString(orderId.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
