package org.epicommand.labtest.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.shared.FieldProblem;

/**
 * What a sampling site or lab must be, field by field, the same for the API, the pages and the
 * imports: a code of 2–40 letters, digits, {@code _} or {@code -} (the key lab files use); a name;
 * a division that exists inside the caller's jurisdiction; a mobile or landline number (docs/domain.md
 * §3); capacity per day 0–10,000,000 (required
 * for labs); samplers 0–10,000; coordinates in degrees, both or neither.
 */
public final class PlaceRules {

  public static final int MAX_CAPACITY = 10_000_000;
  public static final int MAX_SAMPLERS = 10_000;
  private static final String CODE = "[A-Za-z0-9_-]{2,40}";

  /** Checked data and the division it lies in. */
  public record Checked(PlaceData data, Jurisdiction place) {}

  private PlaceRules() {}

  public static String code(String code, List<FieldProblem> problems) {
    String stripped = code == null ? null : code.strip();
    if (stripped == null || !stripped.matches(CODE)) {
      problems.add(FieldProblem.of("code", "labtest.place.code"));
    }
    return stripped;
  }

  /**
   * Checks and normalises {@code raw}; {@code place} is its division as found (null: unknown). Adds the
   * problems found and answers null when there are any.
   */
  public static Checked check(PlaceKind kind, PlaceData raw, Jurisdiction place, JurisdictionScope scope,
      List<FieldProblem> problems) {
    int before = problems.size();
    String name = text(raw.name());
    if (name == null || name.length() > 100) {
      problems.add(FieldProblem.of("name", "labtest.place.name"));
    }
    if (place == null) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    } else if (!scope.contains(place.path())) {
      problems.add(FieldProblem.of("jurisdictionCode", "labtest.place.outsideScope"));
    }
    String address = limited(raw.address(), 200, "address", problems);
    String contactName = limited(raw.contactName(), 50, "contactName", problems);
    String phone = text(raw.contactPhone());
    if (phone != null) {
      phone = PhoneNumbers.normalize(phone);
      if (phone == null) {
        problems.add(FieldProblem.of("contactPhone", "labtest.place.phone"));
      }
    }
    Integer capacity = raw.capacityPerDay();
    if (capacity == null ? kind == PlaceKind.LAB : capacity < 0 || capacity > MAX_CAPACITY) {
      problems.add(FieldProblem.of("capacityPerDay", "labtest.place.capacity", MAX_CAPACITY));
    }
    Integer samplers = raw.samplers();
    if (samplers != null && (samplers < 0 || samplers > MAX_SAMPLERS)) {
      problems.add(FieldProblem.of("samplers", "labtest.place.samplers", MAX_SAMPLERS));
    }
    String hours = limited(raw.openingHours(), 100, "openingHours", problems);
    BigDecimal latitude = degrees(raw.latitude(), 90, "latitude", problems);
    BigDecimal longitude = degrees(raw.longitude(), 180, "longitude", problems);
    if ((raw.latitude() == null) != (raw.longitude() == null)) {
      problems.add(FieldProblem.of(raw.latitude() == null ? "latitude" : "longitude", "labtest.place.coordinates"));
    }
    if (problems.size() > before) {
      return null;
    }
    boolean site = kind == PlaceKind.SITE;
    return new Checked(new PlaceData(name, place.code(), address, contactName, phone, capacity,
        site ? samplers : null, site ? hours : null, !site && raw.reserve(), !site && raw.mobile(), latitude,
        longitude), place);
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String limited(String value, int max, String field, List<FieldProblem> problems) {
    String text = text(value);
    if (text != null && text.length() > max) {
      problems.add(FieldProblem.of(field, "labtest.place.tooLong", max));
    }
    return text;
  }

  private static BigDecimal degrees(BigDecimal value, int max, String field, List<FieldProblem> problems) {
    if (value == null) {
      return null;
    }
    if (value.abs().compareTo(BigDecimal.valueOf(max)) > 0) {
      problems.add(FieldProblem.of(field, "labtest.place.degrees", max));
      return null;
    }
    return value.setScale(6, RoundingMode.HALF_UP);
  }
}
