package org.epicommand.vaccination.internal;

import java.util.List;
import org.epicommand.shared.SetupCheck;
import org.epicommand.shared.SetupItem;
import org.springframework.stereotype.Component;

/** Setup: vaccination sites for doses to be recorded at and appointments to be made with. */
@Component
class VaccinationSetup implements SetupCheck {

  private final VaccinationSiteStore sites;

  VaccinationSetup(VaccinationSiteStore sites) {
    this.sites = sites;
  }

  @Override
  public List<SetupItem> check() {
    long active = sites.countActive();
    return List.of(new SetupItem(45, "setup.area.vaccination", "setup.vaccinationSites", active, active > 0,
        "setup.vaccinationSites.missing", "/vaccination/sites"));
  }
}
