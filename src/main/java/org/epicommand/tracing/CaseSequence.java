package org.epicommand.tracing;

import java.time.LocalDate;

/**
 * A case's sequencing (溯源): the Pango lineage (at most 40 characters), the clade, the lab, the day it was reported
 * and the cluster the sequence relates the case to (its name), as stored; {@code caseLabel} names the case.
 */
public record CaseSequence(String caseId, String caseLabel, String lineage, String clade, String lab,
    LocalDate reportedAt, String relatedCluster) {}
