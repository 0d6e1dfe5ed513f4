package org.epicommand.tracing;

import java.time.LocalDate;

/** A case's sequencing to store: lineage (required, ≤ 40), clade, lab, the day reported, the related cluster. */
public record NewCaseSequence(String lineage, String clade, String lab, LocalDate reportedAt,
    String relatedCluster) {}
