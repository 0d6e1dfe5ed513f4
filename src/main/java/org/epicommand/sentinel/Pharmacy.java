package org.epicommand.sentinel;

import java.time.OffsetDateTime;

/** A pharmacy sentinel: its organisation (credit code, name, 属地), licence, chain and status. */
public record Pharmacy(String creditCode, String organisationId, String name, String jurisdictionCode,
    String licenceNumber, String chain, PharmacyStatus status, OffsetDateTime registeredAt) {}
