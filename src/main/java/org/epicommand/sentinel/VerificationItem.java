package org.epicommand.sentinel;

import java.time.OffsetDateTime;

/**
 * A community verification item: the buyer (person id, name, phone of the purchase), what they bought
 * where and when, the item's state and SLA ({@code overdue} past {@code dueAt} while not closed), and where it came
 * from ({@code source}: a counter purchase, one pushed by an online platform, or a tip-off). An item of a tip-off
 * ({@code tipOffId}) has no purchase record: no phone nor product, {@code pharmacyName} is the place the tip-off names
 * and {@code purchasedAt} when it came in. An item of an inspection ({@code inspectionId}: the buyer found sold to
 * without the required registration) names the inspected pharmacy, and {@code purchasedAt} is the start of the
 * inspection's day.
 */
public record VerificationItem(String id, String personId, String name, String phone, String pharmacyName,
    String product, OffsetDateTime purchasedAt, OffsetDateTime createdAt, OffsetDateTime dueAt,
    VerificationState state, VerificationOutcome outcome, String note, boolean overdue,
    VerificationSource source, String tipOffId, String inspectionId) {}
