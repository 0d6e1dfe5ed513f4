package org.epicommand.sentinel;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.OrganisationSnapshot;
import org.epicommand.organisation.Organisations;
import org.epicommand.sentinel.internal.ClinicBindings;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinic sentinels: organisations of kind CLINIC or HOSPITAL registered with their type inside the
 * caller's jurisdiction; bound staff reach their own clinic only (404 for any other). Audited.
 */
@Service
public class Clinics {

  static final String SUBJECT = "SENTINEL_CLINIC";

  /** A clinic with the path that scopes it. */
  record Row(Clinic clinic, String path) {}

  private final JdbcClient jdbc;
  private final ClinicBindings staff;
  private final Organisations organisations;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  Clinics(JdbcClient jdbc, ClinicBindings staff, Organisations organisations, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.staff = staff;
    this.organisations = organisations;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Clinic register(NewClinic request) {
    OrganisationSnapshot org = organisations.snapshot(request.organisation());
    List<FieldProblem> problems = new ArrayList<>();
    if (org.kind() != OrganisationKind.CLINIC && org.kind() != OrganisationKind.HOSPITAL) {
      problems.add(FieldProblem.of("organisation", "sentinel.notClinic"));
    } else if (!org.active()) {
      problems.add(FieldProblem.of("organisation", "sentinel.organisationRetired"));
    }
    if (request.type() == null) {
      problems.add(FieldProblem.of("type", "sentinel.clinicType"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    int inserted = jdbc.sql("""
        insert into sentinel_clinic (credit_code, organisation_id, name, jurisdiction_code, jurisdiction_path,
          clinic_type, registered_at, registered_by) values (?, ?::uuid, ?, ?, ?, ?, ?, ?) on conflict do nothing
        """).params(org.creditCode(), org.id(), org.name(), org.jurisdictionCode(), org.path(), request.type().name(),
            OffsetDateTime.now(clock), currentUser.get().username()).update();
    if (inserted == 0) {
      throw Conflict.duplicate("sentinel.clinicDuplicate", org.creditCode());
    }
    audit.record(AuditAction.CREATE, SUBJECT, org.creditCode(), "type " + request.type());
    return new Clinic(org.creditCode(), org.id(), org.name(), org.jurisdictionCode(), request.type());
  }

  /** The clinics the caller reaches (staff: their own), by name. */
  public List<Clinic> list() {
    UserContext user = currentUser.get();
    Optional<String> own = staff.clinicOf(user);
    if (own.isPresent()) {
      return find(own.get()).map(r -> List.of(r.clinic())).orElse(List.of());
    }
    JurisdictionScope scope = user.scope();
    return scope.bind(jdbc.sql(SELECT + " where " + scope.predicate("jurisdiction_path") + " order by name limit 500"))
        .query(Clinics::row).list().stream().map(Row::clinic).toList();
  }

  public Clinic get(String code) {
    return row(code).clinic();
  }

  /** The active fever clinics the caller reaches (staff: none but their own), by name: where a referral may go. */
  public List<Clinic> feverClinics() {
    return list().stream().filter(this::activeFever).toList();
  }

  /** An active fever clinic the caller reaches by code; empty for an unknown, unreached, retired or other clinic. */
  Optional<Clinic> activeFeverClinic(String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(row(code).clinic()).filter(this::activeFever);
    } catch (RecordNotFound outside) {
      return Optional.empty();
    }
  }

  private boolean activeFever(Clinic clinic) {
    return clinic.type() == ClinicType.FEVER_CLINIC && organisations.findForPlatform(clinic.organisationId())
        .map(OrganisationSnapshot::active).orElse(false);
  }

  /** The clinic the caller reaches by code (staff: their own when none is given); 404 otherwise. */
  Row row(String code) {
    UserContext user = currentUser.get();
    Optional<String> own = staff.clinicOf(user);
    String key = code != null && !code.isBlank() ? code.strip() : own.orElse(null);
    Row row = key == null ? null : find(key).orElse(null);
    boolean reached = row != null && (own.isPresent() ? own.get().equals(row.clinic().creditCode())
        : user.scope().contains(row.path()));
    if (!reached) {
      throw new RecordNotFound(SUBJECT);
    }
    return row;
  }

  private Optional<Row> find(String code) {
    return jdbc.sql(SELECT + " where credit_code = :code").param("code", code).query(Clinics::row).optional();
  }

  private static final String SELECT =
      "select credit_code, organisation_id::text, name, jurisdiction_code, clinic_type, jurisdiction_path from sentinel_clinic";

  private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Row(new Clinic(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        ClinicType.valueOf(rs.getString(5))), rs.getString(6));
  }
}
