package org.epicommand.person;

/**
 * Who a record of another module is about: enough to file and list it (name, jurisdiction,
 * household), not the full record — obtaining it is not an audited read.
 */
public record PersonReference(String id, String name, String jurisdictionCode, String householdId) {}
