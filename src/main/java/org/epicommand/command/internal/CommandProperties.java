package org.epicommand.command.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.command.*}: whether the background jobs run and how often, and how long before a
 * daily report's deadline the units that have not filed are reminded.
 */
@ConfigurationProperties("epicommand.command")
public record CommandProperties(@DefaultValue("true") boolean jobsEnabled,
    @DefaultValue("PT5M") Duration jobInterval, @DefaultValue("PT2H") Duration reportReminderLead) {}
