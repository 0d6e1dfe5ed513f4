package org.epicommand.shared;

/**
 * An entry of the staff application's navigation. Each module declares its own as beans, so the
 * navigation grows as modules land; an entry shows only to users holding {@code authority}
 * ({@code null}: every signed-in user).
 */
public record NavigationItem(int order, String path, String messageKey, String authority) {}
