package org.epicommand.enterprise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.enterprise.ApplicationDocument;
import org.epicommand.enterprise.ApplicationKind;
import org.epicommand.enterprise.ApplicationState;
import org.epicommand.enterprise.ApplicationStep;
import org.epicommand.enterprise.DocumentKind;
import org.epicommand.enterprise.GateException;
import org.epicommand.enterprise.SignOff;
import org.epicommand.enterprise.Supplies;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Sector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Applications, their history, sign-offs and documents. Applications are read through a {@link Reach}
 * (the caller's scope and, for a sector reviewer, their sectors): outside it they do not exist.
 */
@Repository
public class ApplicationStore {

  /** Which applications a list shows; null fields do not filter. */
  public record Filter(ApplicationState state, UUID organisationId, ApplicationKind kind, Boolean overdue) {}

  static final String COLUMNS = "a.id, a.organisation_id, a.credit_code, a.organisation_name, a.organisation_kind,"
      + " a.sector, a.jurisdiction_code, a.district_code, a.organisation_path, a.kind, a.cohort, a.planned_date,"
      + " a.exception, a.exception_applied, a.gate_id, a.gate_not_before, a.template_id, a.state, a.reason, a.masks,"
      + " a.thermometers, a.disinfectant, a.isolation_room, a.review_due, a.inspection_due, a.overdue_notified,"
      + " a.submitted_at, a.decided_at, a.created_by, a.created_at";

  private final JdbcClient jdbc;

  ApplicationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ApplicationRow r, Instant now) {
    jdbc.sql("""
        insert into resumption_application (id, organisation_id, credit_code, organisation_name, organisation_kind,
          sector, jurisdiction_code, district_code, organisation_path, kind, cohort, planned_date, exception,
          exception_applied, gate_id, gate_not_before, template_id, state, masks, thermometers, disinfectant,
          isolation_room, created_by, created_at, updated_at)
        values (:id, :org, :code, :name, :orgKind, :sector, :jurisdiction, :district, :path, :kind, :cohort, :planned,
          :exception, :applied, :gate, :gateDay, :template, :state, :masks, :thermometers, :disinfectant, :isolation,
          :by, :now, :now)
        """).param("id", r.id()).param("org", r.organisationId()).param("code", r.creditCode())
        .param("name", r.organisationName()).param("orgKind", r.organisationKind().name())
        .param("sector", r.sector().name()).param("jurisdiction", r.jurisdictionCode())
        .param("district", r.districtCode()).param("path", r.organisationPath()).param("kind", r.kind().name())
        .param("cohort", r.cohort()).param("planned", r.plannedDate())
        .param("exception", r.exception() == null ? null : r.exception().name())
        .param("applied", r.exceptionApplied()).param("gate", r.gateId()).param("gateDay", r.gateNotBefore())
        .param("template", r.templateId()).param("state", r.state().name())
        .param("masks", r.supplies().masks()).param("thermometers", r.supplies().thermometers())
        .param("disinfectant", r.supplies().disinfectantLitres()).param("isolation", r.supplies().isolationRoom())
        .param("by", r.createdBy()).param("now", Timestamp.from(now)).update();
  }

  /** A draft's corrected request (its gate and template decided again). */
  public void updateDraft(ApplicationRow r, Instant now) {
    jdbc.sql("""
        update resumption_application set cohort = :cohort, planned_date = :planned, exception = :exception,
          exception_applied = :applied, gate_id = :gate, gate_not_before = :gateDay, template_id = :template,
          masks = :masks, thermometers = :thermometers, disinfectant = :disinfectant, isolation_room = :isolation,
          updated_at = :now
        where id = :id
        """).param("id", r.id()).param("cohort", r.cohort()).param("planned", r.plannedDate())
        .param("exception", r.exception() == null ? null : r.exception().name())
        .param("applied", r.exceptionApplied()).param("gate", r.gateId()).param("gateDay", r.gateNotBefore())
        .param("template", r.templateId()).param("masks", r.supplies().masks())
        .param("thermometers", r.supplies().thermometers()).param("disinfectant", r.supplies().disinfectantLitres())
        .param("isolation", r.supplies().isolationRoom()).param("now", Timestamp.from(now)).update();
  }

  /** Stores a move: the new state and reason, when it was submitted or decided, the SLA day of its stage. */
  public void saveState(UUID id, ApplicationState state, String reason, LocalDate reviewDue, LocalDate inspectionDue,
      boolean submitted, boolean decided, Instant now) {
    jdbc.sql("""
        update resumption_application set state = :state, reason = :reason, review_due = :reviewDue,
          inspection_due = :inspectionDue, overdue_notified = null,
          submitted_at = case when :submitted then :now else submitted_at end,
          decided_at = case when :decided then :now else decided_at end, updated_at = :now
        where id = :id
        """).param("id", id).param("state", state.name()).param("reason", reason).param("reviewDue", reviewDue)
        .param("inspectionDue", inspectionDue).param("submitted", submitted).param("decided", decided)
        .param("now", Timestamp.from(now)).update();
  }

  public Optional<ApplicationRow> find(UUID id, Reach reach) {
    return reach.bind(jdbc.sql("select " + COLUMNS + " from resumption_application a where a.id = :id and "
        + reach.predicate("a"))).param("id", id).query(ApplicationStore::row).optional();
  }

  /** Locks the application for a move. */
  public Optional<ApplicationRow> lock(UUID id, Reach reach) {
    return reach.bind(jdbc.sql("select " + COLUMNS + " from resumption_application a where a.id = :id and "
        + reach.predicate("a") + " for update")).param("id", id).query(ApplicationStore::row).optional();
  }

  public Optional<UUID> existing(UUID organisationId, ApplicationKind kind, String cohort) {
    return jdbc.sql("select id from resumption_application where organisation_id = :org and kind = :kind"
            + " and coalesce(cohort, '') = :cohort").param("org", organisationId).param("kind", kind.name())
        .param("cohort", cohort == null ? "" : cohort).query(UUID.class).optional();
  }

  public List<ApplicationRow> list(Filter filter, Reach reach, LocalDate today, long offset, int limit) {
    String sql = "select " + COLUMNS + " from resumption_application a where " + reach.predicate("a")
        + (filter.state() == null ? "" : " and a.state = :state")
        + (filter.organisationId() == null ? "" : " and a.organisation_id = :org")
        + (filter.kind() == null ? "" : " and a.kind = :kind")
        + (Boolean.TRUE.equals(filter.overdue()) ? " and " + OVERDUE : "")
        + " order by a.created_at desc, a.id offset :offset limit :limit";
    JdbcClient.StatementSpec spec = reach.bind(jdbc.sql(sql)).param("offset", offset).param("limit", limit);
    if (filter.state() != null) {
      spec = spec.param("state", filter.state().name());
    }
    if (filter.organisationId() != null) {
      spec = spec.param("org", filter.organisationId());
    }
    if (filter.kind() != null) {
      spec = spec.param("kind", filter.kind().name());
    }
    if (Boolean.TRUE.equals(filter.overdue())) {
      spec = spec.param("today", today);
    }
    return spec.query(ApplicationStore::row).list();
  }

  /** An application past the SLA day of its stage. */
  static final String OVERDUE = "((a.state in ('SUBMITTED', 'MATERIAL_REVIEW') and a.review_due < :today)"
      + " or (a.state = 'SITE_INSPECTION' and a.inspection_due < :today))";

  /** Overdue applications not yet reported for their stage, for the office's inbox (marked as reported). */
  public List<ApplicationRow> overdueToReport(LocalDate today, int limit) {
    return jdbc.sql("update resumption_application a set overdue_notified = a.state where a.id in (select a.id from"
            + " resumption_application a where " + OVERDUE + " and a.overdue_notified is distinct from a.state"
            + " limit :limit) returning " + COLUMNS).param("today", today).param("limit", limit)
        .query(ApplicationStore::row).list();
  }

  /** Whether the organisation has an approved application (it counts as resumed). */
  public boolean anyApproved(UUID organisationId) {
    return jdbc.sql("select exists (select 1 from resumption_application where organisation_id = :org"
        + " and state = 'APPROVED')").param("org", organisationId).query(Boolean.class).single();
  }

  /** The organisation's approved applications (to suspend on exposure). */
  public List<UUID> approvedOf(UUID organisationId) {
    return jdbc.sql("select id from resumption_application where organisation_id = :org and state = 'APPROVED'")
        .param("org", organisationId).query(UUID.class).list();
  }

  public void history(UUID id, String action, ApplicationState from, ApplicationState to, String username, String note,
      Instant at) {
    jdbc.sql("insert into resumption_history (application_id, action, from_state, to_state, username, note, at)"
            + " values (:id, :action, :from, :to, :username, :note, :at)").param("id", id).param("action", action)
        .param("from", from == null ? null : from.name()).param("to", to.name()).param("username", username)
        .param("note", note).param("at", Timestamp.from(at)).update();
  }

  public List<ApplicationStep> history(UUID id) {
    return jdbc.sql("select action, from_state, to_state, username, note, at from resumption_history"
            + " where application_id = :id order by id").param("id", id)
        .query((rs, n) -> new ApplicationStep(rs.getString("action"),
            rs.getString("from_state") == null ? null : ApplicationState.valueOf(rs.getString("from_state")),
            ApplicationState.valueOf(rs.getString("to_state")), rs.getString("username"), rs.getString("note"),
            rs.getObject("at", OffsetDateTime.class))).list();
  }

  /** Records a signature for a position (a new one replaces the previous). */
  public void signOff(UUID id, String position, String name, String by, Instant at) {
    jdbc.sql("""
        insert into resumption_sign_off (application_id, position, name, signed_at, recorded_by)
        values (:id, :position, :name, :at, :by)
        on conflict (application_id, position) do update set name = excluded.name, signed_at = excluded.signed_at,
          recorded_by = excluded.recorded_by
        """).param("id", id).param("position", position).param("name", name).param("by", by)
        .param("at", Timestamp.from(at)).update();
  }

  public List<SignOff> signOffs(UUID id) {
    return jdbc.sql("select position, name, signed_at, recorded_by from resumption_sign_off where application_id = :id"
            + " order by signed_at, position").param("id", id)
        .query((rs, n) -> new SignOff(rs.getString("position"), rs.getString("name"),
            rs.getObject("signed_at", OffsetDateTime.class), rs.getString("recorded_by"))).list();
  }

  public void insertDocument(UUID id, UUID application, DocumentKind kind, String fileName, String contentType,
      long size, String sha256, String by, Instant at) {
    jdbc.sql("""
        insert into resumption_document (id, application_id, kind, file_name, content_type, size_bytes, sha256,
          uploaded_by, uploaded_at)
        values (:id, :application, :kind, :fileName, :contentType, :size, :sha, :by, :at)
        """).param("id", id).param("application", application).param("kind", kind.name()).param("fileName", fileName)
        .param("contentType", contentType).param("size", size).param("sha", sha256).param("by", by)
        .param("at", Timestamp.from(at)).update();
  }

  public List<ApplicationDocument> documents(UUID application) {
    return jdbc.sql("select id, kind, file_name, content_type, size_bytes, uploaded_by, uploaded_at"
            + " from resumption_document where application_id = :id order by uploaded_at, id").param("id", application)
        .query((rs, n) -> new ApplicationDocument(rs.getString("id"), DocumentKind.valueOf(rs.getString("kind")),
            rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
            rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class))).list();
  }

  static ApplicationRow row(ResultSet rs, int n) throws SQLException {
    String exception = rs.getString("exception");
    return new ApplicationRow(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
        rs.getString("credit_code"), rs.getString("organisation_name"),
        OrganisationKind.valueOf(rs.getString("organisation_kind")), Sector.valueOf(rs.getString("sector")),
        rs.getString("jurisdiction_code"), rs.getString("district_code"), rs.getString("organisation_path"),
        ApplicationKind.valueOf(rs.getString("kind")), rs.getString("cohort"),
        rs.getObject("planned_date", LocalDate.class), exception == null ? null : GateException.valueOf(exception),
        rs.getString("exception_applied"), rs.getObject("gate_id", UUID.class),
        rs.getObject("gate_not_before", LocalDate.class), rs.getObject("template_id", UUID.class),
        ApplicationState.valueOf(rs.getString("state")), rs.getString("reason"),
        new Supplies(rs.getInt("masks"), rs.getInt("thermometers"), rs.getBigDecimal("disinfectant"),
            rs.getBoolean("isolation_room")),
        rs.getObject("review_due", LocalDate.class), rs.getObject("inspection_due", LocalDate.class),
        rs.getString("overdue_notified"), rs.getObject("submitted_at", OffsetDateTime.class),
        rs.getObject("decided_at", OffsetDateTime.class), rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}
