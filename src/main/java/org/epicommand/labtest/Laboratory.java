package org.epicommand.labtest;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A laboratory (检测机构) as the API and pages show it: {@code capacityPerDay} in tests a day,
 * {@code reserve} for a lab held in reserve, {@code mobile} for a mobile (e.g. inflatable) lab. A lab
 * stored before labs had a jurisdiction has none (null) and serves the whole city.
 */
public record Laboratory(String code, String name, String jurisdictionCode, String jurisdictionName, String address,
    String contactName, String contactPhone, int capacityPerDay, boolean reserve, boolean mobile,
    BigDecimal latitude, BigDecimal longitude, ServiceStatus status, Instant retiredAt) {}
