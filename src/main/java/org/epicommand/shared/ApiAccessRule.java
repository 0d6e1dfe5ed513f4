package org.epicommand.shared;

/**
 * An authority that every request to an API path pattern needs, checked before the request body is
 * read (so that a caller without the right gets 403, not a validation answer). Modules declare
 * their rules as beans; method-level checks stay as a second line.
 */
public record ApiAccessRule(String pathPattern, String authority) {}
