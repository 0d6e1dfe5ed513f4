package org.epicommand.keygroup;

import java.time.Instant;

/**
 * A sample taken at a site: its barcode ({@code E…}, its own namespace), what it was taken from, the goods batch
 * (cold-chain and imported goods) and when (default now).
 */
public record NewEnvSample(String barcode, String siteId, Matrix matrix, String goodsBatch, Instant collectedAt) {}
