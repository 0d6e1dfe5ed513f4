package org.epicommand.labtest;

import org.epicommand.labtest.internal.PlaceBook;
import org.epicommand.labtest.internal.PlaceData;
import org.epicommand.labtest.internal.PlaceKind;
import org.epicommand.labtest.internal.PlaceRow;
import org.springframework.stereotype.Service;

/**
 * Laboratories (检测机构), kept by their owners inside their jurisdiction: created, corrected, retired
 * and taken back into service here (pages, API, demo) and by the {@code labs} import. Results name
 * their lab by code (or, in FHIR, by name); a retired lab keeps its results and refuses new ones.
 */
@Service
public class Laboratories extends PlaceRegistry<Laboratory, LaboratoryDetails> {

  Laboratories(PlaceBook book) {
    super(book, PlaceKind.LAB, LaboratoryDetails::code);
  }

  @Override
  PlaceData data(LaboratoryDetails d) {
    return new PlaceData(d.name(), d.jurisdictionCode(), d.address(), d.contactName(), d.contactPhone(),
        d.capacityPerDay(), null, null, Boolean.TRUE.equals(d.reserve()), Boolean.TRUE.equals(d.mobile()),
        d.latitude(), d.longitude());
  }

  @Override
  Laboratory view(PlaceRow row, String jurisdictionName) {
    PlaceData d = row.data();
    return new Laboratory(row.code(), d.name(), d.jurisdictionCode(), jurisdictionName, d.address(),
        d.contactName(), d.contactPhone(), d.capacityPerDay(), d.reserve(), d.mobile(), d.latitude(), d.longitude(),
        status(row), row.retiredAt());
  }
}
