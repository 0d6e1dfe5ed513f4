package org.epicommand.person;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A household of the registry as door-to-door work sees it (screening rounds, sealed areas): where it
 * is and how many are registered there — no names. {@link #building()} and {@link #unit()} are read
 * from the address as offices write it ({@code 12号楼3单元}, {@code 12栋}, {@code 12幢}; a bare
 * {@code 12号} is a street number, not a building), so that a worker's list runs building by
 * building, unit by unit.
 */
public record Household(UUID id, String address, String jurisdictionCode, String jurisdictionPath, int residents) {

  private static final Pattern BUILDING = Pattern.compile("(?<!\\d)(\\d{1,4})\\s*(?:号楼|栋|幢|座)");
  private static final Pattern UNIT = Pattern.compile("(?<!\\d)(\\d{1,3})\\s*单元");

  /** The building number in the address, or null when it names none. */
  public Integer building() {
    return number(BUILDING, address);
  }

  /** The unit (单元) number in the address, or null when it names none. */
  public Integer unit() {
    return number(UNIT, address);
  }

  /** The building number an address names (…3号楼…), or null: also for labels typed on forms. */
  public static Integer buildingOf(String address) {
    return number(BUILDING, address);
  }

  private static Integer number(Pattern pattern, String text) {
    if (text == null) {
      return null;
    }
    Matcher m = pattern.matcher(text);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }
}
