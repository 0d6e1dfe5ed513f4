package org.epicommand.account.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.account.*}: lock-out after {@code maxFailedLogins} wrong passwords for
 * {@code lockout}; the first administrator's password outside demo mode
 * ({@code EPICOMMAND_ADMIN_PASSWORD}; generated and logged once when absent).
 */
@ConfigurationProperties("epicommand.account")
record AccountProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockout,
    String adminPassword) {}
