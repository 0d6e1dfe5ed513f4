package org.epicommand.tracing.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.tracing.*}. Clusters (DOMAIN.md §5, protocol ed. 7): at least
 * {@code clusterThreshold} linked cases within {@code clusterWindowDays} days; a family cluster is
 * at least {@code familyThreshold} linked cases of one household within the same window (platform
 * default 2, the earlier protocol threshold, because households rarely reach 5).
 */
@ConfigurationProperties("epicommand.tracing")
public record TracingProperties(@DefaultValue("5") int clusterThreshold, @DefaultValue("14") int clusterWindowDays,
    @DefaultValue("2") int familyThreshold) {

  public TracingProperties {
    if (clusterThreshold < 2 || clusterWindowDays < 1 || familyThreshold < 2) {
      throw new IllegalArgumentException("epicommand.tracing: thresholds must be >= 2 and the window >= 1 day");
    }
  }
}
