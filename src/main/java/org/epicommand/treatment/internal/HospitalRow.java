package org.epicommand.treatment.internal;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.epicommand.treatment.HospitalKind;
import org.epicommand.treatment.HospitalStatus;

/** A stored hospital. */
public record HospitalRow(String code, String name, HospitalKind kind, String jurisdictionCode,
    String jurisdictionPath, HospitalStatus status, int activationLeadHours, String address, String phone,
    OffsetDateTime statusChangedAt, UUID sourceImportId, Integer sourceLine) {}
