package org.epicommand.organisation.web;

import java.util.ArrayList;
import java.util.List;
import org.epicommand.organisation.Organisation;
import org.epicommand.organisation.OrganisationDetails;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.SchoolLevel;
import org.epicommand.organisation.Sector;
import org.epicommand.organisation.internal.OrganisationRules;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;

/** The organisation form's fields as typed, echoed back when there are errors. */
record OrganisationForm(String creditCode, String name, String kind, String sector, String jurisdictionCode,
    String address, String legalRepresentative, String contactName, String contactPhone, String headcount,
    String schoolLevel, String cohorts, String boarding, String maxCapacity, String religion, String clergyCount) {

  static OrganisationForm empty(String jurisdictionCode) {
    return new OrganisationForm("", "", "ENTERPRISE", "", jurisdictionCode, "", "", "", "", "", "", "", null, "", "",
        "");
  }

  static OrganisationForm of(Organisation o) {
    return new OrganisationForm(o.creditCode(), o.name(), o.kind().name(), o.sector().name(), o.jurisdictionCode(),
        o.address(), o.legalRepresentative(), o.contactName(), o.contactPhone(), Integer.toString(o.headcount()),
        o.schoolLevel() == null ? "" : o.schoolLevel().name(), String.join("、", o.cohorts()),
        Boolean.TRUE.equals(o.boarding()) ? "true" : null, text(o.maxCapacity()), o.religion(), text(o.clergyCount()));
  }

  private static String text(Integer value) {
    return value == null ? "" : value.toString();
  }

  /** The details the form says; 400 naming the fields that are not numbers or choices. */
  OrganisationDetails details() {
    List<FieldProblem> problems = new ArrayList<>();
    OrganisationKind parsedKind = OrganisationKind.parse(kind);
    Sector parsedSector = sector == null || sector.isBlank() ? null : Sector.parse(sector);
    SchoolLevel level = null;
    if (schoolLevel != null && !schoolLevel.isBlank()) {
      try {
        level = SchoolLevel.valueOf(schoolLevel);
      } catch (IllegalArgumentException e) {
        problems.add(FieldProblem.of("schoolLevel", "organisation.schoolLevel"));
      }
    }
    OrganisationDetails details = new OrganisationDetails(creditCode, name, parsedKind, parsedSector, jurisdictionCode,
        address, legalRepresentative, contactName, contactPhone, number(headcount, "headcount", problems), level,
        OrganisationRules.splitCohorts(cohorts), "true".equals(boarding), number(maxCapacity, "maxCapacity", problems),
        religion, number(clergyCount, "clergyCount", problems));
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return details;
  }

  private static Integer number(String text, String field, List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      problems.add(FieldProblem.of(field, "organisation.number"));
      return null;
    }
  }
}
