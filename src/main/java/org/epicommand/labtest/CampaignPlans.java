package org.epicommand.labtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.person.PersonRegistry;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's plan against what the city has (检测能力储备): sampling points (one per 2,500 residents,
 * guide v3: one per 2,000–3,000), samplers (residents ÷ 360), tubes (residents ÷ pool size × 1.05) and
 * swabs (residents × 1.05), the tubes labs must test a day to finish in the target days (1 for a
 * designated area, else 2 below 5 million residents and 3 above), set against the active labs' daily
 * capacity, the reserve labs (at least 2 below 5 million residents, 5 above) and the registered sampling
 * sites and their samplers. Every ratio can be given instead of the default; residents are the
 * registry's in the campaign's scope unless given.
 */
@Service
public class CampaignPlans {

  /** Residents above which a campaign is a big one: 3 target days, 5 reserve labs. */
  public static final long BIG = 5_000_000;

  /** The ratios used. */
  public record Assumptions(int residentsPerPoint, int residentsPerSampler, int poolSize, double spare,
      boolean designatedArea, int targetDays) {}

  /** The plan: what is needed, what there is, and the gaps ({@code SAMPLING_POINTS}, {@code SAMPLERS}, {@code
   * LAB_CAPACITY}, {@code RESERVE_LABS}). */
  public record Plan(String campaignId, long residents, String residentsSource, Assumptions assumptions,
      long samplingPoints, long samplers, long tubes, long swabs, long tubesPerDay, long labCapacityPerDay,
      int activeLabs, int reserveLabs, int reserveLabsNeeded, long registeredSites, long registeredSamplers,
      List<String> gaps) {}

  private static final Set<Integer> POOL_SIZES = Set.of(1, 5, 10, 20);
  private static final double SPARE = 1.05;

  private final Campaigns campaigns;
  private final PersonRegistry persons;
  private final Laboratories labs;
  private final SamplingSites sites;

  CampaignPlans(Campaigns campaigns, PersonRegistry persons, Laboratories labs, SamplingSites sites) {
    this.campaigns = campaigns;
    this.persons = persons;
    this.labs = labs;
    this.sites = sites;
  }

  /** The plan of a campaign the caller sees (404 otherwise); nulls take the defaults. */
  @Transactional(readOnly = true)
  public Plan plan(UUID campaignId, Long residents, Integer perPoint, Integer perSampler, Integer poolSize,
      Boolean designatedArea, Integer targetDays) {
    Campaign campaign = campaigns.get(campaignId);
    List<FieldProblem> problems = new ArrayList<>();
    check(problems, "residents", residents, 1, 2_000_000_000L);
    check(problems, "residentsPerPoint", perPoint, 100, 100_000);
    check(problems, "residentsPerSampler", perSampler, 1, 10_000);
    check(problems, "targetDays", targetDays, 1, 30);
    if (poolSize != null && !POOL_SIZES.contains(poolSize)) {
      problems.add(FieldProblem.of("poolSize", "labtest.plan.poolSize"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    List<JurisdictionScope> scopes = campaigns.visibleScopes(campaignId);
    long people = residents != null ? residents : scopes.stream().mapToLong(persons::residents).sum();
    int pool = poolSize != null ? poolSize
        : campaign.riskLevel() == null ? 10 : campaign.riskLevel().tubeKind().capacity();
    boolean designated = Boolean.TRUE.equals(designatedArea);
    int days = targetDays != null ? targetDays : designated ? 1 : people > BIG ? 3 : 2;
    Assumptions used = new Assumptions(perPoint == null ? 2_500 : perPoint, perSampler == null ? 360 : perSampler,
        pool, SPARE, designated, days);

    long points = ceil(people, used.residentsPerPoint());
    long samplers = ceil(people, used.residentsPerSampler());
    long tubes = (long) Math.ceil(people * SPARE / pool - 1e-9);
    long swabs = (long) Math.ceil(people * SPARE - 1e-9);
    long perDay = ceil(tubes, days);

    long capacity = 0;
    int active = 0;
    int reserve = 0;
    for (Laboratory lab : all(page -> labs.list(null, true, null, page))) {
      if (lab.reserve()) {
        reserve++;
      } else {
        active++;
        capacity += lab.capacityPerDay();
      }
    }
    int reserveNeeded = people > BIG ? 5 : 2;
    long siteCount = 0;
    long siteSamplers = 0;
    for (JurisdictionScope scope : scopes) {
      for (SamplingSite site : all(page -> sites.list(scope.code(), true, null, page))) {
        siteCount++;
        siteSamplers += site.samplers() == null ? 0 : site.samplers();
      }
    }
    List<String> gaps = new ArrayList<>();
    if (siteCount < points) {
      gaps.add("SAMPLING_POINTS");
    }
    if (siteSamplers < samplers) {
      gaps.add("SAMPLERS");
    }
    if (capacity < perDay) {
      gaps.add("LAB_CAPACITY");
    }
    if (reserve < reserveNeeded) {
      gaps.add("RESERVE_LABS");
    }
    return new Plan(campaignId.toString(), people, residents != null ? "GIVEN" : "REGISTRY", used, points, samplers,
        tubes, swabs, perDay, capacity, active, reserve, reserveNeeded, siteCount, siteSamplers, List.copyOf(gaps));
  }

  static <T> List<T> all(java.util.function.Function<Paging, PageResult<T>> pages) {
    List<T> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      PageResult<T> result = pages.apply(Paging.of(page, Paging.MAX_SIZE));
      all.addAll(result.items());
      if (!result.hasMore()) {
        return all;
      }
    }
  }

  private static long ceil(long value, long divisor) {
    return (value + divisor - 1) / divisor;
  }

  private static void check(List<FieldProblem> problems, String field, Number value, long min, long max) {
    if (value != null && (value.longValue() < min || value.longValue() > max)) {
      problems.add(FieldProblem.of(field, "labtest.plan.between", min, max));
    }
  }
}
