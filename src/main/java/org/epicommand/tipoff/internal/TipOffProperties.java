package org.epicommand.tipoff.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code epicommand.tipoff.*}: the community's deadline for verifying an assigned tip-off (24 h, then
 * overdue; 48 h for a villagers' committee, {@code verify-within-rural}), how many public submissions or status
 * checks one client address may make a minute (10), and the largest file of a concealment case's evidence (10 MB).
 */
@ConfigurationProperties("epicommand.tipoff")
public record TipOffProperties(@DefaultValue("24h") Duration verifyWithin,
    @DefaultValue("48h") Duration verifyWithinRural,
    @DefaultValue("10") int publicPerMinute,
    @DefaultValue("10MB") DataSize maxEvidenceSize) {}
