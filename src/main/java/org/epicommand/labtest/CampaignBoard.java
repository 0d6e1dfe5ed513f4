package org.epicommand.labtest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The campaign board's figures (docs/domain.md §7): progress by hour, load per sampling site, turnaround
 * percentiles per lab and the suggested pool size. Each is one query over the rollups the write paths
 * keep (labtest/internal/BoardRollup): the UTC hours of the campaign's window (or one round's), at
 * the jurisdiction paths inside both the campaign's scope and the caller's jurisdiction — a person
 * counts at their own path, a tube (and its result) at its first member's. Sampling figures count
 * the hour of sampling, result figures the hour of the result; so the work is bounded by hours × sites
 * × paths, whatever the number of persons.
 */
@Service
public class CampaignBoard {

  /** Pooling only where positivity is below about 0.1 % (docs/domain.md §7, protocol). */
  static final double POOLING_POSITIVITY_LIMIT_PERCENT = 0.1;
  /** Gaps in the hourly series are filled with zero hours up to this many hours. */
  static final int MAX_FILLED_HOURS = 24 * 31;

  /** One hour: tubes and persons sampled in it, tube results reported in it. */
  public record Hour(Instant hour, long tubes, long persons, long results) {}

  /** A sampling site's load: tubes and persons sampled, and its busiest hour. */
  public record SiteLoad(String siteCode, String siteName, long tubes, long persons, Instant peakHour,
      long peakPersons) {}

  /** Percentiles of a duration, in minutes. */
  public record Percentiles(double p50, double p90, double p99) {}

  /**
   * A lab's turnaround: sampling → result ({@code turnaround}), sampling → hand-over at the site
   * ({@code handOver}), hand-over → receipt at the lab ({@code transit}) and receipt → result at the lab
   * ({@code atLab}); the last three only for tubes that travelled in a transport batch (null when none did).
   * {@code slow}: p90 sampling → result above the alert; {@code slowAtLab}: p90 receipt → result above it.
   */
  public record LabTurnaround(String labCode, String labName, long results, Percentiles turnaround,
      Percentiles handOver, Percentiles transit, boolean slow, Percentiles atLab, boolean slowAtLab) {}

  /**
   * The pool size for the campaign's next round: the area's risk level gives it (low 10:1, medium
   * 5:1, high and key groups single tubes), unless positivity so far reaches the pooling limit.
   */
  public record PoolSize(AreaRisk riskLevel, long personsResulted, long positiveTubes, double positivityPercent,
      boolean poolingAllowed, TubeKind suggestedKind, int membersPerTube) {}

  /** The window a figure covers. */
  record Window(Instant from, Instant to) {}

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final Campaigns campaigns;
  private final java.time.Duration turnaroundAlert;

  private final java.time.Clock clock;

  CampaignBoard(JdbcClient jdbc, CurrentUser currentUser, Campaigns campaigns,
      org.epicommand.labtest.internal.LabtestProperties properties, java.time.Clock clock) {
    this.clock = clock;
    this.turnaroundAlert = properties.turnaroundAlert();
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.campaigns = campaigns;
  }

  /** Tubes and persons sampled and results reported per hour, gaps filled with zero hours. */
  public List<Hour> progress(UUID campaignId, Integer round) {
    Window window = window(campaignId, round);
    JurisdictionScope mine = currentUser.get().scope();
    List<Hour> hours = bind(mine, campaignId, window, jdbc.sql("""
        select h.hour, sum(h.tubes), sum(h.persons), sum(h.results)
        from labtest_board_hour h where %s
        group by h.hour having sum(h.tubes) + sum(h.persons) + sum(h.results) > 0 order by h.hour
        """.formatted(rows(mine)))).query((rs, n) -> new Hour(rs.getTimestamp(1).toInstant(), rs.getLong(2),
            rs.getLong(3), rs.getLong(4))).list();
    return filled(hours);
  }

  /** Load per sampling site, busiest first. */
  public List<SiteLoad> sites(UUID campaignId, Integer round) {
    Window window = window(campaignId, round);
    JurisdictionScope mine = currentUser.get().scope();
    return bind(mine, campaignId, window, jdbc.sql("""
        with per_hour as (
          select h.site_id, h.hour, sum(h.tubes) as tubes, sum(h.persons) as persons
          from labtest_board_hour h where %s
          group by h.site_id, h.hour having sum(h.tubes) > 0 or sum(h.persons) > 0)
        select s.code, s.name, sum(p.tubes), sum(p.persons), (array_agg(p.hour order by p.persons desc, p.hour))[1],
               max(p.persons)
        from per_hour p join labtest_site s on s.id = p.site_id
        group by s.code, s.name order by sum(p.persons) desc, s.code
        """.formatted(rows(mine)))).query((rs, n) -> new SiteLoad(rs.getString(1), rs.getString(2), rs.getLong(3),
            rs.getLong(4), rs.getTimestamp(5).toInstant(), rs.getLong(6))).list();
  }

  /**
   * Turnaround percentiles per lab over the tubes resulted in the window's hours, by lab code, from
   * 5-minute histograms: each percentile within 5 minutes of the exact value ({@link TurnaroundHistogram}).
   * {@code slow}: the lab's p90 sampling → result exceeds {@code epicommand.labtest.turnaround-alert}
   * (12 h), the turnaround alert of the board.
   */
  public List<LabTurnaround> turnaround(UUID campaignId, Integer round) {
    Window window = window(campaignId, round);
    JurisdictionScope mine = currentUser.get().scope();
    return labs(bind(mine, campaignId, window, jdbc.sql(LAB_HISTOGRAMS.formatted(rows(mine)))));
  }

  /** Histogram rows per lab, measure and bucket of the rollup rows {@code h} the placeholder selects. */
  private static final String LAB_HISTOGRAMS = """
      select l.code, l.name, h.measure, h.bucket, sum(h.tubes)
      from labtest_turnaround_hour h join labtest_lab l on l.id = h.lab_id where %s
      group by l.code, l.name, h.measure, h.bucket order by l.code
      """;

  /**
   * Every lab's turnaround over the results of the last {@code hours} hours (1–720; else 400 {@code hours}) at
   * paths inside the caller's jurisdiction, whatever the campaign: the lab page's figures and alert (a lab whose
   * p90 receipt → result exceeds {@code epicommand.labtest.turnaround-alert}, 12 h, is {@code slowAtLab}).
   */
  public List<LabTurnaround> recentTurnaround(Integer hours) {
    int span = hours == null ? 24 : hours;
    if (span < 1 || span > 720) {
      throw new ValidationFailure(FieldProblem.of("hours", "labtest.turnaroundHours"));
    }
    JurisdictionScope mine = currentUser.get().scope();
    Instant to = clock.instant();
    return labs(mine.bind(jdbc.sql(LAB_HISTOGRAMS.formatted("h.hour >= :from and h.hour < :to and "
        + mine.predicate("h.jurisdiction_path"))))
        .param("from", Timestamp.from(to.minus(Duration.ofHours(span)).truncatedTo(ChronoUnit.HOURS)))
        .param("to", Timestamp.from(to)));
  }

  /** The alert's threshold, in hours. */
  public long turnaroundAlertHours() {
    return turnaroundAlert.toHours();
  }

  private List<LabTurnaround> labs(JdbcClient.StatementSpec histograms) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Map<String, TurnaroundHistogram>> byLab = new LinkedHashMap<>();
    histograms.query(rs -> {
      names.put(rs.getString(1), rs.getString(2));
      byLab.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
          .computeIfAbsent(rs.getString(3), k -> new TurnaroundHistogram()).add(rs.getInt(4), rs.getLong(5));
    });
    List<LabTurnaround> labs = new ArrayList<>();
    long limit = turnaroundAlert.toMinutes();
    byLab.forEach((code, measures) -> {
      TurnaroundHistogram resulted = measures.getOrDefault("T", new TurnaroundHistogram());
      Percentiles p = resulted.percentiles();
      Percentiles atLab = percentiles(measures.get("R"));
      labs.add(new LabTurnaround(code, names.get(code), resulted.total(), p, percentiles(measures.get("H")),
          percentiles(measures.get("X")), p != null && p.p90() > limit, atLab, atLab != null && atLab.p90() > limit));
    });
    return labs;
  }

  /**
   * The suggested pool size: {@code riskLevel} as given, else the campaign's; 400 when neither is
   * known. Positivity is positive tubes per person resulted, a lower bound for pooled tubes.
   */
  public PoolSize poolSize(UUID campaignId, String riskLevel) {
    Campaign campaign = campaigns.get(campaignId);
    AreaRisk risk = campaign.riskLevel();
    if (riskLevel != null && !riskLevel.isBlank()) {
      try {
        risk = AreaRisk.valueOf(riskLevel.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ValidationFailure(FieldProblem.of("riskLevel", "labtest.riskLevel"));
      }
    }
    if (risk == null) {
      throw new ValidationFailure(FieldProblem.of("riskLevel", "labtest.riskLevel"));
    }
    JurisdictionScope mine = currentUser.get().scope();
    long[] counts = bind(mine, campaignId, new Window(campaign.startsAt(), campaign.endsAt()), jdbc.sql("""
        select coalesce(sum(h.persons_resulted), 0), coalesce(sum(h.positives), 0) from labtest_board_hour h where %s
        """.formatted(rows(mine)))).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    double positivity = counts[0] == 0 ? 0 : 100.0 * counts[1] / counts[0];
    boolean pooling = positivity < POOLING_POSITIVITY_LIMIT_PERCENT;
    TubeKind kind = pooling ? risk.tubeKind() : TubeKind.SINGLE;
    return new PoolSize(risk, counts[0], counts[1], Math.round(positivity * 10_000) / 10_000.0, pooling, kind,
        kind.capacity());
  }

  /** The campaign's window, or one round's; 404 outside the caller's jurisdiction, 400 for an unknown round. */
  Window window(UUID campaignId, Integer round) {
    Campaign campaign = campaigns.get(campaignId);
    if (round == null) {
      return new Window(campaign.startsAt(), campaign.endsAt());
    }
    return campaign.rounds().stream().filter(r -> r.number() == round).findFirst()
        .map(r -> new Window(r.startsAt(), r.endsAt()))
        .orElseThrow(() -> new ValidationFailure(FieldProblem.of("round", "labtest.round")));
  }

  /**
   * The rollup rows (alias {@code h}) of the window's hours at paths inside both the campaign's scope
   * and the caller's jurisdiction.
   */
  private static String rows(JurisdictionScope mine) {
    return """
        h.hour >= :from and h.hour < :to and %s
        and exists (select 1 from labtest_campaign_scope cs where cs.campaign_id = :campaign
                    and h.jurisdiction_path like cs.jurisdiction_path || '%%')
        """.formatted(mine.predicate("h.jurisdiction_path"));
  }

  /** Binds the scope, the campaign and the window's hours: from the hour its start falls in, to its end. */
  private static JdbcClient.StatementSpec bind(JurisdictionScope mine, UUID campaignId, Window window,
      JdbcClient.StatementSpec statement) {
    return mine.bind(statement).param("campaign", campaignId)
        .param("from", Timestamp.from(window.from().truncatedTo(ChronoUnit.HOURS)))
        .param("to", Timestamp.from(window.to()));
  }

  private static Percentiles percentiles(TurnaroundHistogram histogram) {
    return histogram == null ? null : histogram.percentiles();
  }

  private static List<Hour> filled(List<Hour> hours) {
    if (hours.size() < 2) {
      return hours;
    }
    Instant first = hours.get(0).hour();
    Instant last = hours.get(hours.size() - 1).hour();
    if (Duration.between(first, last).toHours() > MAX_FILLED_HOURS) {
      return hours;
    }
    Map<Instant, Hour> byHour = new LinkedHashMap<>();
    hours.forEach(h -> byHour.put(h.hour(), h));
    List<Hour> all = new ArrayList<>();
    for (Instant h = first; !h.isAfter(last); h = h.plus(1, ChronoUnit.HOURS)) {
      all.add(byHour.getOrDefault(h, new Hour(h, 0, 0, 0)));
    }
    return all;
  }
}
