package org.epicommand.keygroup;

/**
 * An organisation's open memberships by state (of one group, or all), and {@code singleTubeMarks}: how often its
 * members of groups that require single tubes were found in a pool (one mark per tube, person and group).
 */
public record Compliance(String organisationCode, String organisationName, long members, long upToDate,
    long dueToday, long overdue, long neverTested, long blocked, long singleTubeMarks) {}
