package org.epicommand.sentinel;

import java.time.OffsetDateTime;

/**
 * A community verification item: the buyer (person id, name, phone to call them on), what they bought where and
 * when, the item's state and SLA ({@code overdue} past {@code dueAt} while not closed), and where it came from
 * ({@code source}: a counter purchase, one pushed by an online platform, a tip-off or an inspection). The phone of
 * a purchase's item is the one given with the purchase. An item of a tip-off ({@code tipOffId}) has no purchase
 * record: its name and phone are those the person registry holds for the buyer as the item is read (phone null if
 * none), it has no product, {@code pharmacyName} is the place the tip-off names and {@code purchasedAt} when it
 * came in. An item of an inspection ({@code inspectionId}: the buyer found sold to without the required
 * registration) carries the phone the inspectors took down, names the inspected pharmacy, and {@code purchasedAt}
 * is the start of the inspection's day.
 */
public record VerificationItem(String id, String personId, String name, String phone, String pharmacyName,
    String product, OffsetDateTime purchasedAt, OffsetDateTime createdAt, OffsetDateTime dueAt,
    VerificationState state, VerificationOutcome outcome, String note, boolean overdue,
    VerificationSource source, String tipOffId, String inspectionId) {

  /** The item with the buyer's name and the phone to call them on as they are now. */
  VerificationItem withBuyer(String buyerName, String number) {
    return new VerificationItem(id, personId, buyerName, number, pharmacyName, product, purchasedAt, createdAt, dueAt,
        state, outcome, note, overdue, source, tipOffId, inspectionId);
  }
}
