package org.epicommand.vaccination;

import java.time.Instant;
import java.util.List;
import org.epicommand.jurisdiction.JurisdictionLevel;

/**
 * Coverage of the divisions of one level inside the caller's jurisdiction, by age band, with the
 * targets to hold them against; {@code countedAt}: when the residents were last counted (null: never).
 */
public record CoverageReport(JurisdictionLevel level, Instant countedAt, List<CoverageTarget> targets,
    List<CoverageRow> rows) {}
