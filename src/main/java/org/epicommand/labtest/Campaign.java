package org.epicommand.labtest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A mass-testing campaign (全员核酸): scope, time window (spanning its rounds), the area's risk level
 * when given, and its rounds.
 */
public record Campaign(UUID id, String name, List<String> scopeCodes, Instant startsAt, Instant endsAt,
    AreaRisk riskLevel, List<CampaignRound> rounds) {}
