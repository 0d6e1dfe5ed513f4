package org.epicommand.supervision.internal;

import java.util.Optional;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.organisation.Organisations;
import org.springframework.stereotype.Component;

/**
 * Units of supervision are the districts, streets and communities of the division tree, named by
 * division code, and the organisations of the directory (enterprises, schools, venues …), named by
 * their credit code: an organisation's path lies under its division, so the division's staff see its
 * visits and problems, and its own contact sees only those. A user belongs to the unit of their home
 * jurisdiction (and acts for the units below it). A unit outside the caller's scope is treated as unknown.
 */
@Component
public class Units {

  private final Jurisdictions jurisdictions;
  private final Organisations organisations;

  Units(Jurisdictions jurisdictions, Organisations organisations) {
    this.jurisdictions = jurisdictions;
    this.organisations = organisations;
  }

  public Optional<InspectionStore.Target> find(String code, UserContext user) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    Optional<InspectionStore.Target> division = jurisdictions.find(code.strip())
        .filter(j -> j.level() == JurisdictionLevel.COUNTY || j.level() == JurisdictionLevel.TOWNSHIP
            || j.level() == JurisdictionLevel.VILLAGE || j.level() == JurisdictionLevel.GRID)
        .map(Units::target);
    Optional<InspectionStore.Target> unit = division.isPresent() ? division
        : organisations.findForPlatform(code.strip()).filter(o -> o.active() && o.creditCode().equals(
            code.strip().toUpperCase(java.util.Locale.ROOT)))
            .map(o -> new InspectionStore.Target(o.creditCode(), o.name(), o.path()));
    return unit.filter(t -> user == null || visibility(user).scope().contains(t.path()));
  }

  /**
   * What of supervision the user may see: their jurisdiction — for an organisation's contact their
   * organisation alone — and, for the inspection side, visits before they start (四不两直).
   */
  public Visibility visibility(UserContext user) {
    return new Visibility(user.has(Permission.INSPECTION_MANAGE), organisations.scopeOf(user));
  }

  /** Whether the unit is an organisation (not a division). */
  public boolean isOrganisation(String unitCode) {
    return jurisdictions.find(unitCode).isEmpty();
  }

  /** Who is told about a unit's problems: the staff of a division, or an organisation's contacts. */
  public java.util.Set<String> contactsOf(String unitCode) {
    return isOrganisation(unitCode) ? java.util.Set.copyOf(organisations.contactsOf(unitCode)) : java.util.Set.of();
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

  /** The scope path of any jurisdiction or organisation the caller may see (for filters), or empty. */
  public Optional<String> pathInScope(String code, UserContext user) {
    return jurisdictions.find(code.strip()).map(Jurisdiction::path)
        .or(() -> find(code, user).map(InspectionStore.Target::path))
        .filter(path -> visibility(user).scope().contains(path));
  }

  static InspectionStore.Target target(Jurisdiction j) {
    return new InspectionStore.Target(j.code(), j.name(), j.path());
  }
}
