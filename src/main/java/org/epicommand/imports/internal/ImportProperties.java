package org.epicommand.imports.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code epicommand.imports.*}: where uploaded files wait for their import, and how many run at once. */
@ConfigurationProperties("epicommand.imports")
record ImportProperties(@DefaultValue("data/imports") Path spoolDirectory, @DefaultValue("2") int concurrentJobs) {}
