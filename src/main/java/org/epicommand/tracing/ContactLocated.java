package org.epicommand.tracing;

/** A contact was found (reached by the community worker or by phone). */
public record ContactLocated(String contactId, String personId, String jurisdictionCode) {}
