package org.epicommand.supervision.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code epicommand.supervision.*}: where photos are kept (outside the web root; default
 * {@code data/photos}), the largest photo accepted (default 10 MB), and how often overdue problems
 * are looked for to publish {@code ProblemOverdue}.
 */
@ConfigurationProperties("epicommand.supervision")
public record SupervisionProperties(@DefaultValue("data/photos") Path photoDirectory,
    @DefaultValue("10MB") DataSize maxPhotoSize, @DefaultValue("10m") Duration overdueSweep) {}
