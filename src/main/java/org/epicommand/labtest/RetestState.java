package org.epicommand.labtest;

/** Where a tube member stands after their tube's result: a positive pool puts every member in AWAITING_RETEST. */
public enum RetestState {
  NONE, AWAITING_RETEST, RETESTED_NEGATIVE, CONFIRMED_POSITIVE
}
