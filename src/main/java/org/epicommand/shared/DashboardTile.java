package org.epicommand.shared;

/**
 * A tile on the command dashboard (指挥大屏), declared by a module as a bean (like {@link HomeWidget}):
 * the dashboard loads the fragment at {@code path}, with the chosen district as {@code district}, for
 * users holding {@code authority}.
 */
public record DashboardTile(int order, String path, String authority) {}
