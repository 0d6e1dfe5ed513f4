package org.epicommand.enterprise;

import java.math.BigDecimal;

/** Supplies on hand, checked against the template: masks, thermometers, disinfectant (litres), an isolation room. */
public record Supplies(Integer masks, Integer thermometers, BigDecimal disinfectantLitres, Boolean isolationRoom) {

  public static final Supplies NONE = new Supplies(0, 0, BigDecimal.ZERO, false);
}
