package org.epicommand.supplies;

/** A row of the stock ledger: its sign follows the kind (a count adjustment either way). */
public enum MovementKind {
  RECEIPT, ISSUE, TRANSFER_OUT, TRANSFER_IN, ALLOCATION_OUT, COUNT_ADJUSTMENT, EXPIRED_WRITE_OFF
}
