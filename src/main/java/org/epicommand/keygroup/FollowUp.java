package org.epicommand.keygroup;

import java.time.Instant;

/** The follow-up of a positive sample: where, its state and the steps done. */
public record FollowUp(String id, String sampleId, String barcode, String siteId, String siteName,
    FollowUpState state, Instant openedAt, Instant siteClosedAt, Instant disinfectedAt, Integer tracedPersons,
    Instant closedAt, String note) {}
