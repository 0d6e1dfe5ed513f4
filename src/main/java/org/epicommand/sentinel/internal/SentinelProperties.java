package org.epicommand.sentinel.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.sentinel.*}: the window in which a REAL_NAME_TEST_72H buyer must be sampled (72 h),
 * the community's SLA for a verification item (24 h, then OVERDUE), how often the verification job runs;
 * a clinic visit's deadlines: sampled or reported to the township within {@code clinicReportWindow} (2 h),
 * the result within {@code clinicResultWindow} of the sampling (12 h); a patient expected at a fever clinic is
 * overdue when not arrived within {@code referralOverdue} (24 h); a buyer at or above {@code feverFrom} (37.3 °C)
 * is not sold a class a NO_SALE_TO_FEVER rule covers. The sentinel board flags a day's registrations (of a
 * class, in a division) as a rise when they are {@code risePercent} (50 %) above the mean of the 7 days before
 * and at least {@code riseMinimum} (10), so that 3 after 2 is no alarm.
 */
@ConfigurationProperties("epicommand.sentinel")
public record SentinelProperties(@DefaultValue("72h") Duration testWindow,
    @DefaultValue("24h") Duration verificationSla,
    @DefaultValue("5m") Duration sweep,
    @DefaultValue("2h") Duration clinicReportWindow,
    @DefaultValue("12h") Duration clinicResultWindow,
    @DefaultValue("24h") Duration referralOverdue,
    @DefaultValue("37.3") java.math.BigDecimal feverFrom,
    @DefaultValue("50") int risePercent,
    @DefaultValue("10") int riseMinimum) {}
