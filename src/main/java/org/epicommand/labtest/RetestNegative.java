package org.epicommand.labtest;

import java.util.UUID;

/** A member of a positive pool tested negative on the single-tube retest: temporary control can end. */
public record RetestNegative(String poolBarcode, UUID personId) {}
