package org.epicommand.labtest;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A sampling site (采样点) as the API and pages show it: {@code capacityPerDay} in samples a day and
 * {@code samplers} may be unknown (null); coordinates are WGS-84 degrees, both or neither.
 */
public record SamplingSite(String code, String name, String jurisdictionCode, String jurisdictionName, String address,
    String contactName, String contactPhone, Integer capacityPerDay, Integer samplers, String openingHours,
    BigDecimal latitude, BigDecimal longitude, ServiceStatus status, Instant retiredAt) {}
