package org.epicommand.tipoff.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.tipoff.*}: the community's deadline for verifying an assigned tip-off (24 h, then
 * overdue) and how many public submissions or status checks one client address may make a minute (10).
 */
@ConfigurationProperties("epicommand.tipoff")
public record TipOffProperties(@DefaultValue("24h") Duration verifyWithin,
    @DefaultValue("10") int publicPerMinute) {}
