package org.epicommand.tracing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.epicommand.shared.Coordinates;
import org.epicommand.shared.FieldProblem;
import org.epicommand.tracing.NewVenue;
import org.epicommand.tracing.Venue;

/** The rules of a venue's fields, one place for the registry, its page and the import of venue lists. */
public final class VenueRules {

  private VenueRules() {}

  /** Adds a problem per field that breaks a rule; {@code withCode}: a registration (an edit keeps its code). */
  public static void check(NewVenue venue, boolean withCode, List<FieldProblem> problems) {
    if (withCode && (venue.code() == null || !venue.code().strip().matches("[A-Za-z0-9_-]{1,64}"))) {
      problems.add(FieldProblem.of("code", "tracing.venue.code"));
    }
    if (venue.name() == null || venue.name().isBlank() || venue.name().strip().length() > 200) {
      problems.add(FieldProblem.of("name", "tracing.venue.name"));
    }
    if (venue.address() != null && venue.address().strip().length() > 300) {
      problems.add(FieldProblem.of("address", "tracing.tooLong", 300));
    }
    if (venue.type() == null) {
      problems.add(FieldProblem.of("type", "tracing.venue.type"));
    }
    Coordinates.check(venue.lat(), venue.lon(), problems);
  }

  /** The fields as stored: trimmed, a blank address as none. */
  public static NewVenue normalise(NewVenue v) {
    return new NewVenue(v.code() == null ? null : v.code().strip(), v.name() == null ? null : v.name().strip(),
        v.address() == null || v.address().isBlank() ? null : v.address().strip(), v.type(),
        v.jurisdictionCode() == null || v.jurisdictionCode().isBlank() ? null : v.jurisdictionCode().strip(),
        v.lat(), v.lon());
  }

  /** What an edit changes, for the audit trail (the old and new values of the fields that differ); null: nothing. */
  public static String changes(Venue before, Venue after) {
    List<String> changed = new ArrayList<>();
    compare(changed, "name", before.name(), after.name());
    compare(changed, "address", before.address(), after.address());
    compare(changed, "type", before.type(), after.type());
    compare(changed, "jurisdictionCode", before.jurisdictionCode(), after.jurisdictionCode());
    compare(changed, "lat", before.lat(), after.lat());
    compare(changed, "lon", before.lon(), after.lon());
    return changed.isEmpty() ? null : String.join("; ", changed);
  }

  private static void compare(List<String> changed, String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changed.add(field + ": " + before + " → " + after);
    }
  }
}
