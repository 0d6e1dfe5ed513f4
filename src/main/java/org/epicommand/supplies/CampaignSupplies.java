package org.epicommand.supplies;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.labtest.Campaign;
import org.epicommand.labtest.CampaignPlans;
import org.epicommand.labtest.Campaigns;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.RecordNotFound;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Request supplies" from a campaign's plan: the tubes and swabs the plan computes become one URGENT supply
 * request of the campaign, drafted and submitted through the supplies module as a unit would. Each figure goes to
 * the active catalogue item of its category ({@code SAMPLING_TUBE}, {@code SWAB}) with the lowest code. While a
 * request of the campaign is open (not rejected, cancelled or closed) another is 409 with its {@code existingId}.
 * The link lives here (the testing module knows nothing of supplies; supplies reads its campaigns and plans).
 */
@Service
public class CampaignSupplies {

  /** A request the campaign raised, as the supplies module sees it now. */
  public record Raised(String campaignId, String requestId, String number, RequestState state, OffsetDateTime createdAt,
      String createdBy, List<SupplyRequest.Line> lines) {}

  static final String SUBJECT = "CAMPAIGN_SUPPLY_REQUEST";
  private static final Set<RequestState> ENDED = Set.of(RequestState.REJECTED, RequestState.CANCELLED,
      RequestState.CLOSED);

  private final Campaigns campaigns;
  private final CampaignPlans plans;
  private final SupplyCatalog catalog;
  private final SupplyRequests requests;
  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final MessageSource messages;
  private final java.time.Clock clock;

  CampaignSupplies(Campaigns campaigns, CampaignPlans plans, SupplyCatalog catalog, SupplyRequests requests,
      JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit, MessageSource messages, java.time.Clock clock) {
    this.campaigns = campaigns;
    this.plans = plans;
    this.catalog = catalog;
    this.requests = requests;
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
  }

  /** The requests the campaign raised, newest first (404 when the caller does not see the campaign). */
  @Transactional(readOnly = true)
  public List<Raised> raised(UUID campaignId) {
    campaigns.get(campaignId);
    return jdbc.sql("""
        select c.request_id, r.number, c.created_at, c.created_by, r.state from supply_campaign_request c
        join supply_request r on r.id = c.request_id where c.campaign_id = ? order by c.created_at desc
        """).param(campaignId).query((rs, n) -> {
          UUID id = rs.getObject(1, UUID.class);
          SupplyRequest request = visible(id);
          return new Raised(campaignId.toString(), id.toString(), rs.getString(2),
              RequestState.valueOf(rs.getString(5)), rs.getObject(3, OffsetDateTime.class), rs.getString(4),
              request == null ? List.of() : request.lines());
        }).list();
  }

  /**
   * Raises the campaign's URGENT supply request for the plan's tubes and swabs and submits it; 409 with
   * {@code existingId} while one is open, 409 naming the category when the catalogue has no active item of it,
   * 409 when the plan needs nothing (no residents).
   */
  @Transactional
  public Raised request(UUID campaignId) {
    Campaign campaign = campaigns.get(campaignId);
    // one click at a time per campaign: the check and the insert below cannot interleave
    jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("campaign-supplies:" + campaignId)
        .query((rs, n) -> 0).single();
    jdbc.sql("""
        select c.request_id, r.state from supply_campaign_request c join supply_request r on r.id = c.request_id
        where c.campaign_id = ?
        """).param(campaignId).query((rs, n) -> new Object[] {rs.getString(1), RequestState.valueOf(rs.getString(2))})
        .list().stream().filter(r -> !ENDED.contains((RequestState) r[1])).findFirst().ifPresent(open -> {
          throw Conflict.duplicate("labtest.plan.supplyRequestOpen", (String) open[0]);
        });
    CampaignPlans.Plan plan = plans.plan(campaignId, null, null, null, null, null, null);
    if (plan.tubes() < 1) {
      throw Conflict.naming("labtest.plan.nothingToRequest", String.valueOf(plan.residents()));
    }
    List<SupplyRequests.NewLine> lines = new ArrayList<>();
    lines.add(new SupplyRequests.NewLine(item(SupplyCategory.SAMPLING_TUBE).code(), plan.tubes()));
    lines.add(new SupplyRequests.NewLine(item(SupplyCategory.SWAB).code(), plan.swabs()));
    Locale zh = Locale.SIMPLIFIED_CHINESE;
    String unit = messages.getMessage("labtest.plan.supplyUnit", new Object[] {campaign.name()}, zh);
    String purpose = messages.getMessage("labtest.plan.supplyPurpose",
        new Object[] {campaign.name(), plan.tubes(), plan.swabs()}, zh);
    String division = campaign.scopeCodes().size() == 1 ? campaign.scopeCodes().get(0) : null;
    SupplyRequest drafted = requests.create(new SupplyRequests.NewRequest(unit.length() > 100 ? unit.substring(0, 100)
        : unit, division, RequestPriority.URGENT, purpose.length() > 500 ? purpose.substring(0, 500) : purpose, lines));
    SupplyRequest submitted = requests.submit(UUID.fromString(drafted.id()));
    OffsetDateTime now = OffsetDateTime.now(clock);
    String who = currentUser.get().username();
    jdbc.sql("""
        insert into supply_campaign_request (request_id, campaign_id, created_at, created_by) values (?, ?, ?, ?)
        """).params(UUID.fromString(submitted.id()), campaignId, now, who).update();
    audit.record(AuditAction.CREATE, SUBJECT, campaignId.toString(), submitted.number() + " " + lines);
    return new Raised(campaignId.toString(), submitted.id(), submitted.number(), submitted.state(), now, who,
        submitted.lines());
  }

  /** The active catalogue item of the category with the lowest code; 409 naming the category when none. */
  private SupplyItem item(SupplyCategory category) {
    return catalog.items(category, false).stream().filter(SupplyItem::active).findFirst()
        .orElseThrow(() -> Conflict.naming("labtest.plan.noSupplyItem." + category.name(), category.name()));
  }

  private SupplyRequest visible(UUID id) {
    try {
      return requests.get(id);
    } catch (RecordNotFound e) {
      return null;
    }
  }
}
