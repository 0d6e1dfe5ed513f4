package org.epicommand.labtest;

import java.time.OffsetDateTime;
import java.util.List;

/** The request to start a campaign; its window becomes round 1. {@code riskLevel} is optional. */
public record NewCampaign(String name, List<String> scopeCodes, OffsetDateTime startsAt, OffsetDateTime endsAt,
    AreaRisk riskLevel) {

  public NewCampaign(String name, List<String> scopeCodes, OffsetDateTime startsAt, OffsetDateTime endsAt) {
    this(name, scopeCodes, startsAt, endsAt, null);
  }
}
