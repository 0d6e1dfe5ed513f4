package org.epicommand.labtest;

import java.time.OffsetDateTime;
import java.util.List;

/** The request to start a campaign. */
public record NewCampaign(String name, List<String> scopeCodes, OffsetDateTime startsAt, OffsetDateTime endsAt) {}
