package org.epicommand.supplies;

import java.time.Instant;
import java.util.UUID;

/** A supply request moved from one state to another (published in the transaction of the move). */
public record SupplyRequestStateChanged(UUID requestId, String number, String jurisdictionCode, RequestState from,
    RequestState to, Instant at) {}
