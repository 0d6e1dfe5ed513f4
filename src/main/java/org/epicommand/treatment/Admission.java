package org.epicommand.treatment;

import java.time.OffsetDateTime;

/** A stay in a hospital: where, in which bed type, since when, from which stay it was transferred, how it ended. */
public record Admission(String id, String caseId, String personName, String hospitalCode, String hospitalName,
    BedType bedType, AdmissionStatus status, OffsetDateTime admittedAt, String transferredFrom,
    OffsetDateTime leftAt, String placementReason) {}
