package org.epicommand.labtest;

import java.time.OffsetDateTime;

/** The request to add the next round to a campaign. */
public record NewRound(OffsetDateTime startsAt, OffsetDateTime endsAt) {}
