package org.epicommand.treatment;

/**
 * Kinds of beds. A convertible ICU bed is not an ICU bed: it counts as ICU only after it has been
 * converted, which is a change of the bed counts (recorded with its time).
 */
public enum BedType {
  GENERAL, ICU, CONVERTIBLE_ICU, NEGATIVE_PRESSURE, SHELTER_BED
}
