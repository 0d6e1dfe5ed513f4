package org.epicommand.sentinel;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A registered purchase as its pharmacy sees it: the buyer's name and masked document, product,
 * class, packs, temperature, the mode it was sold under and the test deadline (REAL_NAME_TEST_72H).
 */
public record Purchase(String id, String pharmacyCode, OffsetDateTime purchasedAt, String buyerName,
    String maskedIdNumber, String approvalNumber, String product, DrugClass drugClass, int quantity,
    BigDecimal temperature, SalesMode mode, OffsetDateTime testDueAt) {}
