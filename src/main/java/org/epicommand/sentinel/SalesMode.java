package org.epicommand.sentinel;

/**
 * What a drug-class policy allows: no sale at all (禁售), no sale to a febrile buyer, real-name
 * registration, registration plus a test within the window (72 h), or a normal sale.
 */
public enum SalesMode {
  SALES_SUSPENDED, NO_SALE_TO_FEVER, REAL_NAME, REAL_NAME_TEST_72H, ALLOWED
}
