package org.epicommand.vaccination;

import java.time.Instant;

/**
 * A vaccine product with the rules its doses follow: {@code primaryDoses} make the primary course,
 * {@code minIntervalDays} apart at least; a booster follows the course after {@code
 * boosterIntervalMonths}, a second booster the first after {@code secondBoosterIntervalMonths}; a
 * dose is given between {@code minAge} and {@code maxAge} (null: no upper limit) years of age.
 * {@code cvx} is the CDC vaccine code FHIR senders use.
 */
public record VaccineProduct(String code, String name, String manufacturer, VaccinePlatform platform, String cvx,
    int primaryDoses, int minIntervalDays, int boosterIntervalMonths, int secondBoosterIntervalMonths, int minAge,
    Integer maxAge, MasterStatus status, Instant retiredAt) {}
