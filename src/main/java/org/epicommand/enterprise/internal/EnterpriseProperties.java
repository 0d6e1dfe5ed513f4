package org.epicommand.enterprise.internal;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code epicommand.enterprise.*}: the SLAs in working days (material review 2, site inspection 3), how
 * often overdue applications are looked for; whether an exposed organisation is suspended by itself (off:
 * the commander decides); the daily health report's deadline (the next day at this time, as daily
 * reports); the share of a scenic spot's certified capacity it may admit (30 % in April 2020, later 50 %);
 * the largest document.
 */
@ConfigurationProperties("epicommand.enterprise")
public record EnterpriseProperties(@DefaultValue("2") int materialReviewDays, @DefaultValue("3") int siteInspectionDays,
    @DefaultValue("10m") Duration overdueSweep, @DefaultValue("false") boolean autoSuspend,
    @DefaultValue("10:00") LocalTime dailyHealthDeadline, @DefaultValue("0.3") double scenicCapacityShare,
    @DefaultValue("10MB") DataSize maxDocumentSize) {}
