package org.epicommand.sentinel;

/**
 * Where a verification item came from: an untested buyer registered at the counter, a purchase pushed by an online
 * sales platform (import kind {@code drug-purchases}), a tip-off about a purchase, an inspection.
 */
public enum VerificationSource {
  BUYER_UNTESTED, PLATFORM_PUSH, TIP_OFF_PURCHASE, INSPECTION
}
