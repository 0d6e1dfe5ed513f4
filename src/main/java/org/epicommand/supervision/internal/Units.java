package org.epicommand.supervision.internal;

import java.util.Optional;
import org.epicommand.account.UserContext;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.springframework.stereotype.Component;

/**
 * Units of supervision are the districts, streets and communities of the division tree, named by
 * division code; a user belongs to the unit of their home jurisdiction (and acts for the units
 * below it). A unit outside the caller's scope is treated as unknown.
 */
@Component
public class Units {

  private final Jurisdictions jurisdictions;

  Units(Jurisdictions jurisdictions) {
    this.jurisdictions = jurisdictions;
  }

  public Optional<InspectionStore.Target> find(String code, UserContext user) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return jurisdictions.find(code.strip())
        .filter(j -> j.level() == JurisdictionLevel.COUNTY || j.level() == JurisdictionLevel.TOWNSHIP
            || j.level() == JurisdictionLevel.VILLAGE || j.level() == JurisdictionLevel.GRID)
        .filter(j -> user == null || user.scope().contains(j.path()))
        .map(Units::target);
  }

  /** A district (county-level division) inside the caller's scope, which a plan may cover. */
  public Optional<InspectionStore.Target> district(String code, UserContext user) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return jurisdictions.find(code.strip()).filter(j -> j.level() == JurisdictionLevel.COUNTY)
        .filter(j -> user == null || user.scope().contains(j.path())).map(Units::target);
  }

  /** The districts inside the caller's scope, for the plan form. */
  public java.util.List<InspectionStore.Target> districts(UserContext user) {
    return jurisdictions.descendantsAt(user.scope(), JurisdictionLevel.COUNTY).stream().map(Units::target).toList();
  }

  /** The scope path of any jurisdiction the caller may see (for filters), or empty. */
  public Optional<String> pathInScope(String code, UserContext user) {
    return jurisdictions.find(code.strip()).filter(j -> user.scope().contains(j.path())).map(Jurisdiction::path);
  }

  static InspectionStore.Target target(Jurisdiction j) {
    return new InspectionStore.Target(j.code(), j.name(), j.path());
  }
}
