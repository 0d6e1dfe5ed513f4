package org.epicommand.labtest;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * The campaign board's figures (DOMAIN.md §7): progress by hour, load per sampling site, turnaround
 * percentiles per lab and the suggested pool size. Every figure counts the tubes sampled in the
 * campaign's window (or one round's) whose members live inside both the campaign's scope and the
 * caller's jurisdiction; each is one set-based query over those tubes.
 */
@Service
public class CampaignBoard {

  /** Pooling only where positivity is below about 0.1 % (DOMAIN.md §7, protocol). */
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
   * ({@code handOver}) and hand-over → receipt at the lab ({@code transit}); the last two only for
   * tubes that travelled in a transport batch (null when none did).
   */
  public record LabTurnaround(String labCode, String labName, long results, Percentiles turnaround,
      Percentiles handOver, Percentiles transit) {}

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

  CampaignBoard(JdbcClient jdbc, CurrentUser currentUser, Campaigns campaigns) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.campaigns = campaigns;
  }

  /** Tubes and persons sampled and results reported per hour, gaps filled with zero hours. */
  public List<Hour> progress(UUID campaignId, Integer round) {
    Window window = window(campaignId, round);
    JurisdictionScope mine = currentUser.get().scope();
    List<Hour> hours = bind(mine, campaignId, window, jdbc.sql(tubes(mine) + """
        select hour, sum(tubes), sum(persons), sum(results) from (
          select date_trunc('hour', t.collected_at) as hour, 1 as tubes, mt.persons, 0 as results
          from mt join labtest_tube t on t.id = mt.tube_id
          union all
          select date_trunc('hour', t.reported_at), 0, 0, 1
          from mt join labtest_tube t on t.id = mt.tube_id where t.reported_at is not null) x
        group by hour order by hour
        """)).query((rs, n) -> new Hour(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
        .list();
    return filled(hours);
  }

  /** Load per sampling site, busiest first. */
  public List<SiteLoad> sites(UUID campaignId, Integer round) {
    Window window = window(campaignId, round);
    JurisdictionScope mine = currentUser.get().scope();
    return bind(mine, campaignId, window, jdbc.sql(tubes(mine) + """
        , per_hour as (
          select t.site_id, date_trunc('hour', t.collected_at) as hour, count(*) as tubes, sum(mt.persons) as persons
          from mt join labtest_tube t on t.id = mt.tube_id
          group by t.site_id, date_trunc('hour', t.collected_at))
        select s.code, s.name, sum(p.tubes), sum(p.persons), (array_agg(p.hour order by p.persons desc, p.hour))[1],
               max(p.persons)
        from per_hour p join labtest_site s on s.id = p.site_id
        group by s.code, s.name order by sum(p.persons) desc, s.code
        """)).query((rs, n) -> new SiteLoad(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
            rs.getTimestamp(5).toInstant(), rs.getLong(6))).list();
  }

  /** Turnaround percentiles per lab over the resulted tubes, by lab code. */
  public List<LabTurnaround> turnaround(UUID campaignId, Integer round) {
    Window window = window(campaignId, round);
    JurisdictionScope mine = currentUser.get().scope();
    return bind(mine, campaignId, window, jdbc.sql(tubes(mine) + """
        select l.code, l.name, count(*),
          percentile_cont(array[0.5, 0.9, 0.99]) within group (
            order by extract(epoch from t.reported_at - t.collected_at) / 60),
          percentile_cont(array[0.5, 0.9, 0.99]) within group (
            order by extract(epoch from b.handed_over_at - t.collected_at) / 60) filter (where b.id is not null),
          percentile_cont(array[0.5, 0.9, 0.99]) within group (
            order by extract(epoch from b.received_at - b.handed_over_at) / 60) filter (where b.received_at is not null)
        from mt join labtest_tube t on t.id = mt.tube_id join labtest_lab l on l.id = t.lab_id
        left join labtest_transport_batch b on b.id = t.transport_batch_id
        where t.reported_at is not null
        group by l.code, l.name order by l.code
        """)).query((rs, n) -> new LabTurnaround(rs.getString(1), rs.getString(2), rs.getLong(3),
            percentiles(rs.getArray(4)), percentiles(rs.getArray(5)), percentiles(rs.getArray(6)))).list();
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
    long[] counts = bind(mine, campaignId, new Window(campaign.startsAt(), campaign.endsAt()), jdbc.sql(tubes(mine) + """
        select coalesce(sum(mt.persons), 0), count(*) filter (where t.positive)
        from mt join labtest_tube t on t.id = mt.tube_id where t.reported_at is not null and t.result is distinct from 'INVALID'
        """)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
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
   * The campaign's tubes of the window with their member count: members inside the campaign's scope
   * and the caller's jurisdiction; named {@code mt}, to be followed by the select.
   */
  private static String tubes(JurisdictionScope mine) {
    return """
        with mt as (
          select m.tube_id, count(*) as persons
          from labtest_tube t join labtest_tube_member m on m.tube_id = t.id
          where t.collected_at >= :from and t.collected_at < :to and %s
            and exists (select 1 from labtest_campaign_scope cs where cs.campaign_id = :campaign
                        and m.jurisdiction_path like cs.jurisdiction_path || '%%')
          group by m.tube_id)
        """.formatted(mine.predicate("m.jurisdiction_path"));
  }

  private static JdbcClient.StatementSpec bind(JurisdictionScope mine, UUID campaignId, Window window,
      JdbcClient.StatementSpec statement) {
    return mine.bind(statement).param("campaign", campaignId)
        .param("from", Timestamp.from(window.from())).param("to", Timestamp.from(window.to()));
  }

  private static Percentiles percentiles(Array array) throws SQLException {
    if (array == null) {
      return null;
    }
    Object[] values = (Object[]) array.getArray();
    return new Percentiles(minutes(values[0]), minutes(values[1]), minutes(values[2]));
  }

  private static double minutes(Object value) {
    return Math.round(((Number) value).doubleValue() * 10) / 10.0;
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
