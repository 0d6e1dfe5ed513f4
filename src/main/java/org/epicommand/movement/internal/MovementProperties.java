package org.epicommand.movement.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.movement.*}: the pushed-list deadlines (docs/domain.md §8: feedback within 24 h of the
 * push, protocol; signing within 2 h, platform) and the desk that receives unmatched names whose
 * source region is not a division of the city (empty: the importer's own jurisdiction).
 */
@ConfigurationProperties("epicommand.movement")
public record MovementProperties(@DefaultValue("2h") Duration signWithin, @DefaultValue("24h") Duration feedbackWithin,
    @DefaultValue("") String defaultDeskCode) {}
