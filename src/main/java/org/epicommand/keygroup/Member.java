package org.epicommand.keygroup;

import java.time.Instant;
import java.time.LocalDate;

/** A key-group membership with its schedule state (retired: kept, read-only). */
public record Member(String id, String groupCode, String personId, String name, String organisationCode,
    String organisationName, String post, LocalDate from, LocalDate to, boolean closedLoop, boolean retired,
    Instant lastSampledAt, Instant lastNegativeAt, MemberState state, LocalDate nextDue) {}
