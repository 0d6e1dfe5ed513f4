package org.epicommand.organisation.internal;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.epicommand.organisation.OrganisationDetails;
import org.epicommand.organisation.OrganisationSnapshot;

/** A stored organisation: its checked details, where it lies, and the import line that last wrote it. */
public record OrganisationRow(UUID id, OrganisationDetails data, String jurisdictionPath, String districtCode,
    String path, OffsetDateTime retiredAt, UUID sourceImportId, Integer sourceLine) {

  public String creditCode() {
    return data.creditCode();
  }

  public boolean retired() {
    return retiredAt != null;
  }

  public OrganisationSnapshot snapshot() {
    return new OrganisationSnapshot(id.toString(), data.creditCode(), data.name(), data.kind(), data.sector(),
        data.jurisdictionCode(), districtCode, path, data.headcount() == null ? 0 : data.headcount(), data.cohorts(),
        data.maxCapacity(), !retired());
  }
}
