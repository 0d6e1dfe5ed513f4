package org.epicommand.shared;

/**
 * A section of the person page (the one place for everything about a person), declared by a module
 * as a bean like {@link HomeWidget}: the page loads the fragment at {@code path} with the person's
 * id as {@code personId} for users holding {@code authority}. The module reads its own records of the
 * person inside the caller's jurisdiction and audits the read.
 */
public record PersonSection(int order, String path, String authority) {}
