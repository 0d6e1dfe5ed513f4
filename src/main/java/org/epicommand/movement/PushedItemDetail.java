package org.epicommand.movement;

import java.time.OffsetDateTime;

/** One item in full, identifiers masked unless the caller may see them. */
public record PushedItemDetail(PushedItem item, String name, String idType, String idNumber, String phone,
    String reason, String sourceRegion, String matchedBy, PushedItemState outcome, String note,
    OffsetDateTime signedAt, OffsetDateTime outcomeAt, OffsetDateTime feedbackAt) {}
