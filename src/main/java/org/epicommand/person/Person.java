package org.epicommand.person;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The full record of a person (reading it is audited). */
public record Person(String id, String name, IdType idType, String idNumber, Sex sex, LocalDate birthDate,
    String phone, String address, String householdId, String jurisdictionCode, OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {}
