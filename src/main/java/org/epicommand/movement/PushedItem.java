package org.epicommand.movement;

import java.time.OffsetDateTime;

/**
 * A pushed-list item as the list shows it (docs/api.md, Contract → Movement). {@code dueAt}: the next
 * deadline — signing (2 h after the push) while pushed, then feedback (24 h after the push).
 */
public record PushedItem(String id, String listRef, String personId, String jurisdictionCode, PushedItemState state,
    OffsetDateTime pushedAt, OffsetDateTime dueAt, boolean overdue) {}
