package org.epicommand.labtest;

import java.math.BigDecimal;

/**
 * What an owner gives to create or correct a sampling site; on a correction the code is the one in
 * the path and cannot change. Every field but code, name and jurisdiction is optional.
 */
public record SamplingSiteDetails(String code, String name, String jurisdictionCode, String address,
    String contactName, String contactPhone, Integer capacityPerDay, Integer samplers, String openingHours,
    BigDecimal latitude, BigDecimal longitude) {}
