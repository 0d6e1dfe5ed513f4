package org.epicommand.supplies;

import java.math.BigDecimal;

/**
 * An item of the catalogue; {@code necessity}: part of the 生活必需品 basket; {@code minOnHand}: below it stock is
 * low; {@code unitPrice}: the reference price per unit (元, optional) a request's value is counted with.
 */
public record SupplyItem(String code, String nameZh, String nameEn, SupplyCategory category, String unit,
    String standard,
    Integer shelfLifeDays, BigDecimal perCapitaDailyUse, boolean necessity, long minOnHand, boolean active,
    BigDecimal unitPrice) {}
