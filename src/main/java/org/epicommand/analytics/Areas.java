package org.epicommand.analytics;

import java.util.List;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.RecordNotFound;
import org.springframework.stereotype.Component;

/**
 * The area an epidemic statistic covers: the caller's whole jurisdiction, or one district (county
 * level) inside it — any other code is a 404, as for a record outside the jurisdiction.
 */
@Component
class Areas {

  /** {@code code} null for the caller's whole jurisdiction. */
  record Area(String code, String name, JurisdictionScope scope, List<Jurisdiction> districts) {}

  private final CurrentUser currentUser;
  private final Jurisdictions jurisdictions;

  Areas(CurrentUser currentUser, Jurisdictions jurisdictions) {
    this.currentUser = currentUser;
    this.jurisdictions = jurisdictions;
  }

  Area of(String district) {
    UserContext user = currentUser.get();
    List<Jurisdiction> districts = jurisdictions.descendantsAt(user.scope(), JurisdictionLevel.COUNTY);
    if (district == null || district.isBlank()) {
      String name = jurisdictions.find(user.jurisdictionCode()).map(Jurisdiction::name).orElse(user.jurisdictionCode());
      return new Area(null, name, user.scope(), districts);
    }
    Jurisdiction node = districts.stream().filter(d -> d.code().equals(district.strip())).findFirst()
        .orElseThrow(() -> new RecordNotFound("JURISDICTION"));
    return new Area(node.code(), node.name(), node.scope(), List.of(node));
  }
}
