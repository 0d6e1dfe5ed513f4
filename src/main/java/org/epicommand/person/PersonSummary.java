package org.epicommand.person;

import java.time.LocalDate;

/**
 * A person in a list or an export: document number and phone masked (docs/domain.md §3) unless the
 * reader's role may see them in full. {@code jurisdictionName} (the community's name, to tell
 * namesakes apart) is given by searches and look-ups, not by exports.
 */
public record PersonSummary(String id, String name, IdType idType, String idNumber, Sex sex, LocalDate birthDate,
    String phone, String address, String jurisdictionCode, String jurisdictionName) {}
