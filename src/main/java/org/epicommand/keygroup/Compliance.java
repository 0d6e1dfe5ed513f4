package org.epicommand.keygroup;

/** An organisation's open memberships by state (of one group, or all). */
public record Compliance(String organisationCode, String organisationName, long members, long upToDate,
    long dueToday, long overdue, long neverTested, long blocked) {}
