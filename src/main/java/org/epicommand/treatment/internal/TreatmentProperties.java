package org.epicommand.treatment.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.treatment.*}: how long a severe or critical case may wait for an expert team
 * before the medical group is alerted (2 h), the bed occupancy from which a hospital is flagged (80 %),
 * and how often the expert-team clock is looked at.
 */
@ConfigurationProperties("epicommand.treatment")
public record TreatmentProperties(@DefaultValue("PT2H") Duration expertTeamWithin,
    @DefaultValue("80") int occupancyAlertPercent, @DefaultValue("PT5M") Duration sweepInterval) {}
