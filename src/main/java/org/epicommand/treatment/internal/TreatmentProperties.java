package org.epicommand.treatment.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.treatment.*}: how long a severe or critical case may wait for an expert team
 * before the medical group is alerted (2 h), the bed occupancy from which a hospital is flagged (80 %),
 * how often the expert-team clock is looked at, and how soon a medical-service request must be dispatched
 * by urgency (emergency 30 min, urgent 4 h, routine 24 h).
 */
@ConfigurationProperties("epicommand.treatment")
public record TreatmentProperties(@DefaultValue("PT2H") Duration expertTeamWithin,
    @DefaultValue("80") int occupancyAlertPercent, @DefaultValue("PT5M") Duration sweepInterval,
    @DefaultValue("PT30M") Duration emergencyDispatchWithin, @DefaultValue("PT4H") Duration urgentDispatchWithin,
    @DefaultValue("PT24H") Duration routineDispatchWithin) {}
