package org.epicommand.labtest.internal;

import java.math.BigDecimal;

/**
 * The fields an owner keeps of a sampling site or lab; those of the other kind stay null (false).
 * Checked data has its text stripped (blank → null) and its coordinates at six decimals, so two
 * records say the same exactly when they are equal.
 */
public record PlaceData(String name, String jurisdictionCode, String address, String contactName, String contactPhone,
    Integer capacityPerDay, Integer samplers, String openingHours, boolean reserve, boolean mobile,
    BigDecimal latitude, BigDecimal longitude) {}
