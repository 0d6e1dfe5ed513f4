package org.epicommand.quarantine.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.quarantine.*}: whether the periodic jobs run (tests call them directly) and
 * the platform defaults for transfer alerts (docs/domain.md §5: flag after 12 h, and anyone still
 * waiting 5 days after the last exposure).
 */
@ConfigurationProperties("epicommand.quarantine")
public record QuarantineProperties(@DefaultValue("true") boolean jobs,
    @DefaultValue("12h") Duration awaitingTransferAlert, @DefaultValue("5") int awaitingTransferDaysAfterExposure) {}
