package org.epicommand.organisation.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.organisation.CreditCode;
import org.epicommand.organisation.OrganisationDetails;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.SchoolLevel;
import org.epicommand.organisation.Sector;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.shared.FieldProblem;

/**
 * What an organisation must be, field by field, the same for the API, the pages and the import: a valid
 * credit code (GB 32100), a name, a kind, a division that exists inside the keeper's jurisdiction, a valid
 * phone, a headcount of 0–1,000,000; the fields of other kinds are dropped (a restaurant has no cohorts).
 */
public final class OrganisationRules {

  public static final int MAX_HEADCOUNT = 1_000_000;
  public static final int MAX_CAPACITY = 10_000_000;
  public static final int MAX_COHORTS = 20;

  private OrganisationRules() {}

  /** The credit code, valid and upper-cased, or null with the problem added. */
  public static String creditCode(String raw, List<FieldProblem> problems) {
    return CreditCode.parse(raw).orElseGet(() -> {
      problems.add(FieldProblem.of("creditCode", "organisation.creditCode"));
      return null;
    });
  }

  /**
   * The details checked and normalised under {@code code} (already checked); {@code place} is the
   * division as found (null: unknown). Adds the problems and answers null when there are any.
   */
  public static OrganisationDetails check(String code, OrganisationDetails raw, Jurisdiction place,
      JurisdictionScope scope, List<FieldProblem> problems) {
    int before = problems.size();
    String name = text(raw.name());
    if (name == null || name.length() > 100) {
      problems.add(FieldProblem.of("name", "organisation.name"));
    }
    OrganisationKind kind = raw.kind();
    if (kind == null) {
      problems.add(FieldProblem.of("kind", "organisation.kind"));
    }
    if (place == null) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    } else if (!scope.contains(place.path())) {
      problems.add(FieldProblem.of("jurisdictionCode", "organisation.outsideScope"));
    }
    String address = limited(raw.address(), 200, "address", problems);
    String legal = limited(raw.legalRepresentative(), 50, "legalRepresentative", problems);
    String contact = limited(raw.contactName(), 50, "contactName", problems);
    String phone = text(raw.contactPhone());
    if (phone != null) {
      phone = PhoneNumbers.normalize(phone);
      if (phone == null) {
        problems.add(FieldProblem.of("contactPhone", "organisation.phone"));
      }
    }
    Integer headcount = raw.headcount() == null ? 0 : raw.headcount();
    if (headcount < 0 || headcount > MAX_HEADCOUNT) {
      problems.add(FieldProblem.of("headcount", "organisation.range", 0, MAX_HEADCOUNT));
    }
    boolean educational = kind != null && kind.educational();
    List<String> cohorts = educational ? cohorts(raw.cohorts(), problems) : List.of();
    Integer capacity = kind == OrganisationKind.SCENIC_SPOT ? raw.maxCapacity() : null;
    if (capacity != null && (capacity < 0 || capacity > MAX_CAPACITY)) {
      problems.add(FieldProblem.of("maxCapacity", "organisation.range", 0, MAX_CAPACITY));
    }
    boolean religious = kind == OrganisationKind.RELIGIOUS_SITE;
    String religion = religious ? limited(raw.religion(), 20, "religion", problems) : null;
    Integer clergy = religious ? raw.clergyCount() : null;
    if (clergy != null && (clergy < 0 || clergy > 10_000)) {
      problems.add(FieldProblem.of("clergyCount", "organisation.range", 0, 10_000));
    }
    if (problems.size() > before) {
      return null;
    }
    Sector sector = raw.sector() == null ? kind.defaultSector() : raw.sector();
    SchoolLevel level = educational ? raw.schoolLevel() : null;
    Boolean boarding = educational ? Boolean.TRUE.equals(raw.boarding()) : null;
    return new OrganisationDetails(code, name, kind, sector, place.code(), address, legal, contact, phone, headcount,
        level, cohorts, boarding, capacity, religion, clergy);
  }

  private static List<String> cohorts(List<String> raw, List<FieldProblem> problems) {
    if (raw == null) {
      return List.of();
    }
    LinkedHashSet<String> cohorts = new LinkedHashSet<>();
    for (String cohort : raw) {
      String text = text(cohort);
      if (text != null && text.length() > 20) {
        problems.add(FieldProblem.of("cohorts", "organisation.cohort"));
        return List.of();
      }
      if (text != null) {
        cohorts.add(text);
      }
    }
    if (cohorts.size() > MAX_COHORTS) {
      problems.add(FieldProblem.of("cohorts", "organisation.cohorts", MAX_COHORTS));
    }
    return new ArrayList<>(cohorts);
  }

  /** Cohorts as a file or a form writes them: separated by {@code ;}, {@code ；}, {@code ,}, {@code ，} or {@code 、}. */
  public static List<String> splitCohorts(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(text.split("[;；,，、]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String limited(String value, int max, String field, List<FieldProblem> problems) {
    String text = text(value);
    if (text != null && text.length() > max) {
      problems.add(FieldProblem.of(field, "organisation.tooLong", max));
    }
    return text;
  }
}
