package org.epicommand.screening.internal;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.screening.*}: how long a finding may wait for its action (24 h), when a door
 * nobody opened is due again (24 h), the coverage at which a round closes complete (99 %), the
 * temperature that counts as fever (37.3 °C) and the attendee count above which a gathering must be
 * reported where the policy names none (50).
 */
@ConfigurationProperties("epicommand.screening")
public record ScreeningProperties(@DefaultValue("24h") Duration actionWithin,
    @DefaultValue("24h") Duration revisitWithin,
    @DefaultValue("0.99") double completeAt, @DefaultValue("37.3") BigDecimal feverFrom,
    @DefaultValue("50") int reportAbove) {}
