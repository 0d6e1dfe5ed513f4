package org.epicommand.keygroup;

import java.math.BigDecimal;
import java.time.Instant;

/** An environmental sample with its result (null while pending) and the follow-up a positive opened. */
public record EnvSample(String id, String barcode, String siteId, String siteName, Matrix matrix, String goodsBatch,
    Instant collectedAt, String result, BigDecimal ctOrf1ab, BigDecimal ctN, Instant resultedAt, String followUpId) {}
