package org.epicommand.tracing;

import java.time.OffsetDateTime;

/**
 * A note the platform put on an investigation: {@code ENVIRONMENT_EXPOSURE} — an environmental sample found positive
 * in the case's division, the site as {@code subject}, the sample's barcode as {@code reference}, collected at
 * {@code observedAt}.
 */
public record InvestigationNote(String id, String kind, String subject, String reference, OffsetDateTime observedAt,
    OffsetDateTime createdAt) {}
