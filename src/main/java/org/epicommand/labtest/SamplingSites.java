package org.epicommand.labtest;

import org.epicommand.labtest.internal.PlaceBook;
import org.epicommand.labtest.internal.PlaceData;
import org.epicommand.labtest.internal.PlaceKind;
import org.epicommand.labtest.internal.PlaceRow;
import org.springframework.stereotype.Service;

/**
 * Sampling sites (采样点), kept by their owners inside their jurisdiction: created, corrected, retired
 * and taken back into service here (pages, API, demo) and by the {@code sampling-sites} import. Tubes
 * name their site by code; a retired site keeps its tubes and refuses new ones.
 */
@Service
public class SamplingSites extends PlaceRegistry<SamplingSite, SamplingSiteDetails> {

  SamplingSites(PlaceBook book) {
    super(book, PlaceKind.SITE, SamplingSiteDetails::code);
  }

  @Override
  PlaceData data(SamplingSiteDetails d) {
    return new PlaceData(d.name(), d.jurisdictionCode(), d.address(), d.contactName(), d.contactPhone(),
        d.capacityPerDay(), d.samplers(), d.openingHours(), false, false, d.latitude(), d.longitude());
  }

  @Override
  SamplingSite view(PlaceRow row, String jurisdictionName) {
    PlaceData d = row.data();
    return new SamplingSite(row.code(), d.name(), d.jurisdictionCode(), jurisdictionName, d.address(),
        d.contactName(), d.contactPhone(), d.capacityPerDay(), d.samplers(), d.openingHours(), d.latitude(),
        d.longitude(), status(row), row.retiredAt());
  }
}
