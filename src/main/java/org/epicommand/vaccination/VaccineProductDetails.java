package org.epicommand.vaccination;

/**
 * What an administrator gives to create or correct a vaccine product; on a correction the code is the
 * one in the path. {@code cvx} and {@code maxAge} are optional.
 */
public record VaccineProductDetails(String code, String name, String manufacturer, VaccinePlatform platform, String cvx,
    Integer primaryDoses, Integer minIntervalDays, Integer boosterIntervalMonths, Integer secondBoosterIntervalMonths,
    Integer minAge, Integer maxAge) {}
