package org.epicommand.labtest.internal;

import java.util.List;
import org.epicommand.imports.ImportPrincipals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.epicommand.jurisdiction.DivisionBoundaries;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.LatLon;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.labtest.LabStaff;
import org.epicommand.labtest.Laboratories;
import org.epicommand.labtest.LaboratoryDetails;
import org.epicommand.labtest.SamplingSiteDetails;
import org.epicommand.labtest.SamplingSites;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: two labs and a sampling site in each of the first district's first three communities,
 * created by the administrator through the same facades the pages and the API use (idempotent: a
 * code that exists is left as it is).
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "epicommand.demo.enabled", havingValue = "true")
class LabtestDemo implements ApplicationRunner {

  static final String DISTRICT = "990101";
  static final String CITY = "990100";
  /** The demo account of the lab operator. */
  static final String LAB_OPERATOR = "lab";

  private final Laboratories labs;
  private final SamplingSites sites;
  private final Jurisdictions jurisdictions;
  private final ImportPrincipals principals;
  private final LabStaff staff;
  private final DivisionBoundaries boundaries;

  LabtestDemo(Laboratories labs, SamplingSites sites, Jurisdictions jurisdictions, ImportPrincipals principals,
      LabStaff staff, DivisionBoundaries boundaries) {
    this.staff = staff;
    this.boundaries = boundaries;
    this.labs = labs;
    this.sites = sites;
    this.jurisdictions = jurisdictions;
    this.principals = principals;
  }

  @Override
  public void run(ApplicationArguments args) {
    principals.runAs("admin", () -> {
      Optional<LatLon> cdc = boundaries.labelPoint(DISTRICT + "003");
      Optional<LatLon> hospital = boundaries.labelPoint(DISTRICT + "004");
      lab(new LaboratoryDetails("LAB01", "市疾控中心实验室", CITY, "滨江市疾控中心", null, null, 200_000, false, false,
          lat(cdc), lon(cdc)));
      lab(new LaboratoryDetails("LAB02", "第一人民医院检验科", CITY, "滨江市第一人民医院", null, null, 80_000, false,
          false, lat(hospital), lon(hospital)));
      List<Jurisdiction> communities = jurisdictions.children(DISTRICT).stream().findFirst()
          .map(street -> jurisdictions.children(street.code()).stream().limit(3).toList()).orElse(List.of());
      for (Jurisdiction community : communities) {
        String code = "S" + community.code();
        if (sites.find(code).isEmpty()) {
          Optional<LatLon> at = boundaries.labelPoint(community.code());
          sites.create(new SamplingSiteDetails(code, community.name() + "采样点", community.code(), null, null, null,
              3_000, 8, "07:00-19:00", lat(at), lon(at)));
        }
      }
    });
  }

  /** Degrees as the registry keeps them (six decimals), or none without a boundary. */
  private static BigDecimal lat(Optional<LatLon> point) {
    return point.map(p -> BigDecimal.valueOf(p.lat()).setScale(6, RoundingMode.HALF_UP)).orElse(null);
  }

  private static BigDecimal lon(Optional<LatLon> point) {
    return point.map(p -> BigDecimal.valueOf(p.lon()).setScale(6, RoundingMode.HALF_UP)).orElse(null);
  }

  /** The lab, and the demo lab operator bound to it (an entity-bound role: they report for both demo labs). */
  private void lab(LaboratoryDetails details) {
    if (labs.find(details.code()).isEmpty()) {
      labs.create(details);
    }
    if (staff.staff(details.code()).stream().noneMatch(b -> b.username().equals(LAB_OPERATOR))) {
      staff.bind(details.code(), LAB_OPERATOR);
    }
  }
}
