package org.epicommand.vaccination;

/** What a dose is in the person's schedule: part of the primary course, the booster, the second booster. */
public enum DoseRole {
  PRIMARY, BOOSTER, SECOND_BOOSTER;

  /** Dose {@code number} of a person whose first product has a primary course of {@code primaryDoses}; null beyond. */
  public static DoseRole of(int number, int primaryDoses) {
    if (number <= primaryDoses) {
      return PRIMARY;
    }
    return number == primaryDoses + 1 ? BOOSTER : number == primaryDoses + 2 ? SECOND_BOOSTER : null;
  }
}
