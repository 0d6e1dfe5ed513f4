package org.epicommand.screening;

import java.util.UUID;

/** A gathering held without the report the policy asks for (found by a visit or a tip-off). */
public record GatheringViolation(UUID gatheringId, Gathering.Kind kind, String jurisdictionCode) {}
