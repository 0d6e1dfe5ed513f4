package org.epicommand.treatment;

/**
 * Admitting a case (or, for a transfer, the new place; {@code caseId} is then ignored). {@code reason}
 * is required when the placement differs from the one the case's severity suggests.
 */
public record AdmissionRequest(String caseId, String hospitalCode, BedType bedType, String reason) {}
