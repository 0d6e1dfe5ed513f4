package org.epicommand.keygroup;

/** The daily sweep found members of an organisation overdue (or blocked from duty): how many. */
public record KeyGroupOverdue(String organisationId, long count) {}
