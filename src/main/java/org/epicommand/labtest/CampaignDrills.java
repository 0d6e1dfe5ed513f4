package org.epicommand.labtest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.labtest.internal.LabtestProperties;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Site readiness (采样点就位) and the readiness drill: each active sampling site inside the campaign's scope (the
 * plan's registered sites) reports once that it is open for the campaign; readiness is the time from the
 * campaign's creation until the last of them opened, against {@code epicommand.labtest.drill-target} (6 h, the
 * guide's 4–6 h to set up sites). A drill campaign counts no tubes (its figures are the sites' alone).
 */
@Service
public class CampaignDrills {

  /** One planned site and when it reported open (null: not yet). */
  public record Site(String code, String name, String jurisdictionName, OffsetDateTime openedAt, String reportedBy) {}

  /**
   * The campaign's readiness: {@code elapsedMinutes} from creation to the last site's opening when all are open,
   * else to now; {@code targetMet} true once every site opened within the target, false once the target passed
   * without it, null while the clock still runs inside the target.
   */
  public record Readiness(String campaignId, boolean drill, OffsetDateTime createdAt, int plannedSites,
      int openSites, boolean complete, long elapsedMinutes, long targetMinutes, Boolean targetMet, List<Site> sites) {}

  static final String SUBJECT = "CAMPAIGN_SITE_OPEN";

  private final Campaigns campaigns;
  private final SamplingSites sites;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final LabtestProperties properties;
  private final java.time.Clock clock;

  CampaignDrills(Campaigns campaigns, SamplingSites sites, org.springframework.jdbc.core.simple.JdbcClient jdbc,
      CurrentUser currentUser, AuditTrail audit, LabtestProperties properties, java.time.Clock clock) {
    this.campaigns = campaigns;
    this.sites = sites;
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** The readiness of a campaign the caller sees (404 otherwise), over the sites of the part they see. */
  @Transactional(readOnly = true)
  public Readiness readiness(UUID campaignId) {
    List<SamplingSite> planned = planned(campaignId);
    Map<String, Object[]> opened = new HashMap<>();
    jdbc.sql("select site_code, opened_at, reported_by from labtest_campaign_site_open where campaign_id = ?")
        .param(campaignId).query(rs -> {
          opened.put(rs.getString(1), new Object[] {rs.getObject(2, OffsetDateTime.class), rs.getString(3)});
        });
    Object[] campaign = jdbc.sql("select created_at, drill from labtest_campaign where id = ?").param(campaignId)
        .query((rs, n) -> new Object[] {rs.getObject(1, OffsetDateTime.class), rs.getBoolean(2)}).single();
    OffsetDateTime created = (OffsetDateTime) campaign[0];
    List<Site> list = new ArrayList<>();
    OffsetDateTime last = null;
    int open = 0;
    for (SamplingSite site : planned) {
      Object[] at = opened.get(site.code());
      OffsetDateTime when = at == null ? null : (OffsetDateTime) at[0];
      list.add(new Site(site.code(), site.name(), site.jurisdictionName(), when, at == null ? null : (String) at[1]));
      if (when != null) {
        open++;
        last = last == null || when.isAfter(last) ? when : last;
      }
    }
    boolean complete = !planned.isEmpty() && open == planned.size();
    OffsetDateTime end = complete ? last : OffsetDateTime.now(clock);
    long elapsed = Math.max(0, Duration.between(created, end).toMinutes());
    long target = properties.drillTarget().toMinutes();
    Boolean met = complete ? Boolean.valueOf(elapsed <= target) : elapsed > target ? Boolean.FALSE : null;
    return new Readiness(campaignId.toString(), (Boolean) campaign[1], created, planned.size(), open, complete,
        elapsed, target, met, list);
  }

  /**
   * A planned site reports it is open for the campaign (once: again is 409 naming when it opened); a site outside
   * the campaign's scope is 400 {@code siteCode}, one outside the caller's jurisdiction 404, a retired one 409.
   */
  @Transactional
  public Readiness open(UUID campaignId, String siteCode) {
    if (siteCode == null || siteCode.isBlank()) {
      throw new ValidationFailure(FieldProblem.of("siteCode", "labtest.drill.site"));
    }
    SamplingSite site = sites.get(siteCode.strip());
    if (site.status() == ServiceStatus.RETIRED) {
      throw Conflict.naming("labtest.drill.siteRetired", ServiceStatus.RETIRED.name());
    }
    if (planned(campaignId).stream().noneMatch(s -> s.code().equals(site.code()))) {
      throw new ValidationFailure(FieldProblem.of("siteCode", "labtest.drill.notPlanned"));
    }
    int stored = jdbc.sql("""
        insert into labtest_campaign_site_open (campaign_id, site_code, opened_at, reported_by) values (?, ?, ?, ?)
        on conflict do nothing
        """).params(campaignId, site.code(), OffsetDateTime.now(clock), currentUser.get().username()).update();
    if (stored == 0) {
      OffsetDateTime at = jdbc.sql("select opened_at from labtest_campaign_site_open where campaign_id = ?"
          + " and site_code = ?").params(campaignId, site.code()).query(OffsetDateTime.class).single();
      throw Conflict.naming("labtest.drill.alreadyOpen", at.atZoneSameInstant(clock.getZone()).toLocalDateTime()
          .withNano(0).toString().replace('T', ' '));
    }
    audit.record(AuditAction.CREATE, SUBJECT, campaignId.toString(), site.code());
    return readiness(campaignId);
  }

  /** The active sampling sites inside the parts of the campaign's scope the caller sees, by code. */
  private List<SamplingSite> planned(UUID campaignId) {
    Map<String, SamplingSite> byCode = new java.util.TreeMap<>();
    for (JurisdictionScope scope : campaigns.visibleScopes(campaignId)) {
      CampaignPlans.all(page -> sites.list(scope.code(), true, null, page)).forEach(s -> byCode.put(s.code(), s));
    }
    return List.copyOf(byCode.values());
  }
}
