package org.epicommand.labtest;

import java.math.BigDecimal;

/**
 * What an owner gives to create or correct a lab; on a correction the code is the one in the path and
 * cannot change. Code, name, jurisdiction and capacity per day are required; {@code reserve} and
 * {@code mobile} default to false.
 */
public record LaboratoryDetails(String code, String name, String jurisdictionCode, String address,
    String contactName, String contactPhone, Integer capacityPerDay, Boolean reserve, Boolean mobile,
    BigDecimal latitude, BigDecimal longitude) {}
