package org.epicommand.quarantine;

import java.time.LocalDate;

/** A test of a person under control came back positive: the case flow starts (found under control). */
public record QuarantineTestPositive(String orderId, String personId, String jurisdictionCode, LocalDate testDate) {}
