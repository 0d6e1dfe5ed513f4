package org.epicommand.labtest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A pooled tube resulted positive: every member now awaits a single-tube retest (and belongs under
 * temporary control, quarantine reason {@code POSITIVE_POOL}). Travels inside {@link PositivePoolsFound}.
 */
public record PositivePoolFound(String tubeBarcode, List<UUID> memberPersonIds, LocalDate samplingDate) {}
