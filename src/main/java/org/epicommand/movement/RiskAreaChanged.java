package org.epicommand.movement;

import java.time.Instant;
import org.epicommand.quarantine.RiskLevel;

/**
 * A risk area was designated or its level changed (a downgrade approved): its id, the level it has
 * now, its division and when. A sealed area on it is lifted when the level comes down to LOW.
 */
public record RiskAreaChanged(String id, RiskLevel level, String jurisdictionCode, Instant at) {}
