package org.epicommand.shared;

/**
 * A summary card on the staff home page, declared by a module as a bean (like {@link NavigationItem}):
 * the home page loads the fragment at {@code path} for users holding {@code authority}.
 */
public record HomeWidget(int order, String path, String authority) {}
