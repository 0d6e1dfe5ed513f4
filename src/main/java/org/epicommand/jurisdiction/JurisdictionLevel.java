package org.epicommand.jurisdiction;

/** Levels of the division tree; the number is the level column of the national code files. */
public enum JurisdictionLevel {
  PROVINCE(1), CITY(2), COUNTY(3), TOWNSHIP(4), VILLAGE(5), GRID(6);

  private final int number;

  JurisdictionLevel(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  public static JurisdictionLevel ofNumber(int number) {
    for (JurisdictionLevel level : values()) {
      if (level.number == number) {
        return level;
      }
    }
    throw new IllegalArgumentException("no level " + number);
  }
}
