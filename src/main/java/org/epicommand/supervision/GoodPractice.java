package org.epicommand.supervision;

import java.time.OffsetDateTime;

/** A practice worth copying (好的经验做法), found on inspection. */
public record GoodPractice(String id, String unitCode, String unitName, String title, String description,
    String recordedBy, OffsetDateTime recordedAt) {}
