package org.epicommand.sentinel.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.sentinel.*}: the window in which a REAL_NAME_TEST_72H buyer must be sampled (72 h),
 * the community's SLA for a verification item (24 h, then OVERDUE), how often the verification job runs.
 */
@ConfigurationProperties("epicommand.sentinel")
public record SentinelProperties(@DefaultValue("72h") Duration testWindow,
    @DefaultValue("24h") Duration verificationSla,
    @DefaultValue("5m") Duration sweep) {}
