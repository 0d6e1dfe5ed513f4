package org.epicommand.supplies;

/** Where a lot came from; a donation needs its certificate before it may be issued. */
public enum LotSource {
  PURCHASE, DONATION, LOCAL_PRODUCTION, TRANSFER_IN, ALLOCATION_IN, RETURN
}
