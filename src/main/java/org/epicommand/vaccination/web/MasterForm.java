package org.epicommand.vaccination.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.vaccination.VaccinationSite;
import org.epicommand.vaccination.VaccinationSiteDetails;
import org.epicommand.vaccination.VaccinePlatform;
import org.epicommand.vaccination.VaccineProduct;
import org.epicommand.vaccination.VaccineProductDetails;
import org.epicommand.vaccination.Vaccinator;
import org.epicommand.vaccination.VaccinatorDetails;

/**
 * The master data form as typed, for the three kinds (a kind uses its own fields), echoed back with the
 * problems when there are any; numbers are text so that "很多" is a field message, not an error page.
 */
record MasterForm(String code, String name, String organisation, String jurisdictionCode, String address,
    String contactPhone, String mobile, String siteCode, String username, String phone, String certificate,
    String manufacturer, String platform, String cvx, String primaryDoses, String minIntervalDays,
    String boosterIntervalMonths, String secondBoosterIntervalMonths, String minAge, String maxAge) {

  static MasterForm empty() {
    return new MasterForm("", "", "", "", "", "", null, "", "", "", "", "", "", "", "", "", "", "", "", "");
  }

  static MasterForm of(VaccinationSite s) {
    return new MasterForm(s.code(), s.name(), s.organisation(), s.jurisdictionCode(), s.address(), s.contactPhone(),
        Boolean.toString(s.mobile()), "", "", "", "", "", "", "", "", "", "", "", "", "");
  }

  static MasterForm of(Vaccinator v) {
    return new MasterForm(v.code(), v.name(), "", "", "", "", null, v.siteCode(), v.username(), v.phone(),
        v.certificate(), "", "", "", "", "", "", "", "", "");
  }

  static MasterForm of(VaccineProduct p) {
    return new MasterForm(p.code(), p.name(), "", "", "", "", null, "", "", "", "", p.manufacturer(),
        p.platform().name(), p.cvx(), text(p.primaryDoses()), text(p.minIntervalDays()),
        text(p.boosterIntervalMonths()), text(p.secondBoosterIntervalMonths()), text(p.minAge()), text(p.maxAge()));
  }

  private static String text(Integer value) {
    return value == null ? "" : value.toString();
  }

  VaccinationSiteDetails site() {
    return new VaccinationSiteDetails(code, name, organisation, jurisdictionCode, address, contactPhone,
        "true".equals(mobile));
  }

  VaccinatorDetails vaccinator() {
    return new VaccinatorDetails(code, name, siteCode, username, phone, certificate);
  }

  VaccineProductDetails product() {
    List<FieldProblem> problems = new ArrayList<>();
    VaccinePlatform kind = null;
    if (platform != null && !platform.isBlank()) {
      try {
        kind = VaccinePlatform.valueOf(platform.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(FieldProblem.of("platform", "invalidValue"));
      }
    }
    VaccineProductDetails details = new VaccineProductDetails(code, name, manufacturer, kind, cvx,
        number(primaryDoses, "primaryDoses", problems), number(minIntervalDays, "minIntervalDays", problems),
        number(boosterIntervalMonths, "boosterIntervalMonths", problems),
        number(secondBoosterIntervalMonths, "secondBoosterIntervalMonths", problems), number(minAge, "minAge",
            problems),
        number(maxAge, "maxAge", problems));
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
      problems.add(FieldProblem.of(field, "vaccination.number"));
      return null;
    }
  }
}
