package org.epicommand.keygroup;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.organisation.OrganisationSnapshot;
import org.epicommand.organisation.Organisations;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Environmental monitoring inside the caller's jurisdiction: sites (cold stores, markets, port berths …, an
 * organisation of the directory or not), samples with their own barcode namespace ({@code E…}) and their results.
 * A positive result opens the site's follow-up ({@link EnvironmentFollowUps}) and publishes
 * {@link EnvironmentSamplePositive} in the same transaction. Every change is audited.
 */
@Service
public class EnvironmentSamples {

  static final String SITE = "ENV_SITE";
  static final String SAMPLE = "ENV_SAMPLE";

  private final JdbcClient jdbc;
  private final Jurisdictions jurisdictions;
  private final Organisations organisations;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  EnvironmentSamples(JdbcClient jdbc, Jurisdictions jurisdictions, Organisations organisations,
      CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.jurisdictions = jurisdictions;
    this.organisations = organisations;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** Registers a site: 400 naming the fields, 404 for a division or organisation outside the reach. */
  @Transactional
  public EnvSite register(NewEnvSite request) {
    List<FieldProblem> problems = new ArrayList<>();
    String name = request.name() == null ? null : request.name().strip();
    if (name == null || name.isEmpty() || name.length() > 100) {
      problems.add(FieldProblem.of("name", "keygroup.env.siteName"));
    }
    if (request.kind() == null) {
      problems.add(FieldProblem.of("kind", "keygroup.env.siteKind"));
    }
    if (request.jurisdictionCode() == null || request.jurisdictionCode().isBlank()) {
      problems.add(FieldProblem.of("jurisdictionCode", "keygroup.env.division"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    JurisdictionScope division = jurisdictions.narrow(reach(), request.jurisdictionCode());
    OrganisationSnapshot org = request.organisation() == null || request.organisation().isBlank() ? null
        : organisations.snapshot(request.organisation().strip());
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        insert into keygroup_env_site (id, name, kind, organisation_code, jurisdiction_code, jurisdiction_path,
          created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)
        """).params(id, name, request.kind().name(), org == null ? null : org.creditCode(), division.code(),
            division.path(), OffsetDateTime.now(clock), currentUser.get().username()).update();
    audit.record(AuditAction.CREATE, SITE, id.toString(), request.kind() + " " + name);
    return site(id);
  }

  /** The sites inside the reach (retired ones too when asked), by name. */
  public List<EnvSite> sites(boolean withRetired) {
    JurisdictionScope scope = reach();
    return scope.bind(jdbc.sql(SITE_SELECT + " where " + scope.predicate("jurisdiction_path")
        + (withRetired ? "" : " and retired_at is null") + " order by name limit 500"))
        .query(EnvironmentSamples::siteRow).list();
  }

  /** A site inside the reach (404 otherwise). */
  public EnvSite site(UUID id) {
    JurisdictionScope scope = reach();
    return scope.bind(jdbc.sql(SITE_SELECT + " where id = :id and " + scope.predicate("jurisdiction_path")))
        .param("id", id).query(EnvironmentSamples::siteRow).optional()
        .orElseThrow(() -> new RecordNotFound(SITE));
  }

  /** Records a sample: 400 naming the fields, 404 for a site outside the reach, 409 retired site or barcode. */
  @Transactional
  public EnvSample record(NewEnvSample request) {
    List<FieldProblem> problems = new ArrayList<>();
    String barcode = request.barcode() == null ? null : request.barcode().strip().toUpperCase(java.util.Locale.ROOT);
    if (barcode == null || !barcode.matches("E[0-9A-Z]{4,29}")) {
      problems.add(FieldProblem.of("barcode", "keygroup.env.barcode"));
    }
    UUID siteId = uuid(request.siteId());
    if (siteId == null) {
      problems.add(FieldProblem.of("siteId", "keygroup.env.site"));
    }
    if (request.matrix() == null) {
      problems.add(FieldProblem.of("matrix", "keygroup.env.matrix"));
    }
    String batch = request.goodsBatch() == null || request.goodsBatch().isBlank() ? null : request.goodsBatch().strip();
    if (batch != null && batch.length() > 100) {
      problems.add(FieldProblem.of("goodsBatch", "keygroup.env.goodsBatch"));
    }
    Instant now = clock.instant();
    Instant collected = request.collectedAt() == null ? now : request.collectedAt();
    if (collected.isAfter(now.plus(Duration.ofMinutes(5))) || collected.isBefore(now.minus(Duration.ofDays(30)))) {
      problems.add(FieldProblem.of("collectedAt", "keygroup.env.collectedAt"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    EnvSite site = site(siteId);
    if (site.retired()) {
      throw Conflict.of("keygroup.env.siteRetired");
    }
    jdbc.sql("select id::text from keygroup_env_sample where barcode = ?").params(barcode).query(String.class)
        .optional().ifPresent(existing -> {
          throw Conflict.duplicate("keygroup.env.barcodeDuplicate", existing);
        });
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        insert into keygroup_env_sample (id, barcode, site_id, jurisdiction_path, matrix, goods_batch, collected_at,
          recorded_by, created_at)
        select ?, ?, s.id, s.jurisdiction_path, ?, ?, ?, ?, ? from keygroup_env_site s where s.id = ?
        """).params(id, barcode, request.matrix().name(), batch, OffsetDateTime.ofInstant(collected, clock.getZone()),
            currentUser.get().username(), OffsetDateTime.now(clock), siteId).update();
    audit.record(AuditAction.CREATE, SAMPLE, id.toString(), barcode + " at " + site.name());
    return sample(barcode);
  }

  /**
   * Enters a sample's result by barcode (404 unknown or outside the reach; 409 naming the result when it has one):
   * a positive opens the site's follow-up and publishes {@link EnvironmentSamplePositive}.
   */
  @Transactional
  public EnvSample result(String barcode, EnvResult request) {
    List<FieldProblem> problems = new ArrayList<>();
    String result = request.result() == null ? "" : request.result().strip().toUpperCase(java.util.Locale.ROOT);
    if (!List.of("NEGATIVE", "POSITIVE", "INVALID").contains(result)) {
      problems.add(FieldProblem.of("result", "keygroup.env.result"));
    }
    ct(request.ctOrf1ab(), "ctOrf1ab", problems);
    ct(request.ctN(), "ctN", problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    EnvSample sample = sample(barcode);
    if (sample.result() != null) {
      throw Conflict.naming("keygroup.env.resulted", sample.result());
    }
    jdbc.sql("update keygroup_env_sample set result = ?, ct_orf1ab = ?, ct_n = ?, resulted_at = ? where id = ?::uuid")
        .params(result, request.ctOrf1ab(), request.ctN(), OffsetDateTime.now(clock), sample.id()).update();
    audit.record(AuditAction.UPDATE, SAMPLE, sample.id(), "result " + result);
    if (result.equals("POSITIVE")) {
      UUID followUp = UUID.randomUUID();
      jdbc.sql("""
          insert into keygroup_env_followup (id, sample_id, site_id, jurisdiction_path, state, opened_at, updated_at)
          select ?, s.id, s.site_id, s.jurisdiction_path, 'OPEN', ?, ? from keygroup_env_sample s where s.id = ?::uuid
          """).params(followUp, OffsetDateTime.now(clock), OffsetDateTime.now(clock), sample.id()).update();
      audit.record(AuditAction.CREATE, EnvironmentFollowUps.SUBJECT, followUp.toString(), "positive " + barcode);
      EnvSite site = jdbc.sql(SITE_SELECT + " where id = ?::uuid").params(sample.siteId())
          .query(EnvironmentSamples::siteRow).single();
      String path = jdbc.sql("select jurisdiction_path from keygroup_env_site where id = ?::uuid")
          .params(sample.siteId()).query(String.class).single();
      events.publishEvent(new EnvironmentSamplePositive(sample.siteId(), sample.barcode(), site.name(), site.kind(),
          site.jurisdictionCode(), path, sample.collectedAt()));
    }
    return sample(sample.barcode());
  }

  /** The samples inside the reach, newest first; of one site, or the positives only, when asked. */
  public PageResult<EnvSample> samples(String siteId, boolean positiveOnly, Paging paging) {
    JurisdictionScope scope = reach();
    UUID site = siteId == null || siteId.isBlank() ? null : UUID.fromString(site(uuid(siteId)).id());
    JdbcClient.StatementSpec spec = scope.bind(jdbc.sql(SAMPLE_SELECT + " where "
        + scope.predicate("e.jurisdiction_path") + (site == null ? "" : " and e.site_id = :site")
        + (positiveOnly ? " and e.result = 'POSITIVE'" : "")
        + " order by e.collected_at desc, e.id offset :offset limit :limit"))
        .param("offset", paging.offset()).param("limit", paging.fetchSize());
    if (site != null) {
      spec = spec.param("site", site);
    }
    return paging.toResult(spec.query(EnvironmentSamples::sampleRow).list(), null);
  }

  /** A sample inside the reach by barcode (404 otherwise). */
  public EnvSample sample(String barcode) {
    return find(barcode).orElseThrow(() -> new RecordNotFound(SAMPLE));
  }

  /** A sample inside the reach by barcode, if there is one. */
  public java.util.Optional<EnvSample> find(String barcode) {
    JurisdictionScope scope = reach();
    String code = barcode == null ? "" : barcode.strip().toUpperCase(java.util.Locale.ROOT);
    return scope.bind(jdbc.sql(SAMPLE_SELECT + " where e.barcode = :barcode and "
        + scope.predicate("e.jurisdiction_path"))).param("barcode", code).query(EnvironmentSamples::sampleRow)
        .optional();
  }

  JurisdictionScope reach() {
    return organisations.scopeOf(currentUser.get());
  }

  private static void ct(BigDecimal value, String field, List<FieldProblem> problems) {
    if (value != null && (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(50)) > 0)) {
      problems.add(FieldProblem.of(field, "keygroup.env.ct"));
    }
  }

  static UUID uuid(String text) {
    try {
      return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static final String SITE_SELECT = "select id, name, kind, organisation_code, jurisdiction_code, retired_at"
      + " from keygroup_env_site";

  private static final String SAMPLE_SELECT = "select e.id, e.barcode, e.site_id, s.name, e.matrix, e.goods_batch,"
      + " e.collected_at, e.result, e.ct_orf1ab, e.ct_n, e.resulted_at, f.id as follow_up"
      + " from keygroup_env_sample e join keygroup_env_site s on s.id = e.site_id"
      + " left join keygroup_env_followup f on f.sample_id = e.id";

  private static EnvSite siteRow(ResultSet rs, int n) throws SQLException {
    return new EnvSite(rs.getString(1), rs.getString(2), SiteKind.valueOf(rs.getString(3)), rs.getString(4),
        rs.getString(5), rs.getObject(6) != null);
  }

  private static EnvSample sampleRow(ResultSet rs, int n) throws SQLException {
    OffsetDateTime resulted = rs.getObject(11, OffsetDateTime.class);
    return new EnvSample(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        Matrix.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
        rs.getString(8), rs.getBigDecimal(9), rs.getBigDecimal(10), resulted == null ? null : resulted.toInstant(),
        rs.getString(12));
  }
}
