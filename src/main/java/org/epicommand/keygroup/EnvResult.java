package org.epicommand.keygroup;

import java.math.BigDecimal;

/** A sample's result: NEGATIVE, POSITIVE or INVALID, with the Ct values of a positive. */
public record EnvResult(String result, BigDecimal ctOrf1ab, BigDecimal ctN) {}
