package org.epicommand.labtest;

import java.time.Instant;

/** Tubes handed over at a sampling site to a lab, with the hand-over and receipt times. */
public record TransportBatch(String code, String siteCode, String labCode, Instant handedOverAt, Instant receivedAt,
    int tubes) {}
