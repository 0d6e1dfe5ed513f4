package org.epicommand.tracing.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.tracing.*}. Clusters (docs/domain.md §5, protocol ed. 7): at least
 * {@code clusterThreshold} linked cases within {@code clusterWindowDays} days; a family cluster is
 * at least {@code familyThreshold} linked cases of one household within the same window (platform
 * default 2, the earlier protocol threshold, because households rarely reach 5).
 * {@code investigation}: the platform deadlines from the case report (core information 4 h, full
 * report 24 h) and the KPI "contacts under control within 24 h". {@code copresence}: a case's visit
 * is widened by 30 min on both sides; a visit known by one scan lasts 60 min (docs/domain.md §5).
 */
@ConfigurationProperties("epicommand.tracing")
public record TracingProperties(@DefaultValue("5") int clusterThreshold, @DefaultValue("14") int clusterWindowDays,
    @DefaultValue("2") int familyThreshold, @DefaultValue Investigation investigation,
    @DefaultValue Copresence copresence) {

  public TracingProperties {
    if (clusterThreshold < 2 || clusterWindowDays < 1 || familyThreshold < 2) {
      throw new IllegalArgumentException("epicommand.tracing: thresholds must be >= 2 and the window >= 1 day");
    }
    investigation = investigation == null ? new Investigation(Duration.ofHours(4), Duration.ofHours(24),
        Duration.ofHours(24)) : investigation;
    copresence = copresence == null ? new Copresence(Duration.ofMinutes(30), Duration.ofMinutes(60)) : copresence;
  }

  public record Investigation(@DefaultValue("4h") Duration coreInformation, @DefaultValue("24h") Duration fullReport,
      @DefaultValue("24h") Duration underControlTarget) {

    public Investigation {
      if (coreInformation.isNegative() || fullReport.compareTo(coreInformation) < 0) {
        throw new IllegalArgumentException("epicommand.tracing.investigation: full report must not be due before core");
      }
    }
  }

  public record Copresence(@DefaultValue("30m") Duration margin, @DefaultValue("60m") Duration singleScanVisit) {

    public Copresence {
      if (margin.isNegative() || singleScanVisit.isNegative() || singleScanVisit.isZero()) {
        throw new IllegalArgumentException("epicommand.tracing.copresence: durations must be positive");
      }
    }
  }
}
