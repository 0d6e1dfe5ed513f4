package org.epicommand.tracing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.tracing.Contact;
import org.epicommand.tracing.ContactCategory;
import org.epicommand.tracing.ContactDiscoveryRoute;
import org.epicommand.tracing.ContactOutcome;
import org.epicommand.tracing.ContactType;
import org.epicommand.tracing.TrackingState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The contact table. */
@Repository
public class ContactStore {

  /** A contact with the path of its person's home jurisdiction and of its case. */
  public record Stored(Contact contact, String jurisdictionPath, String casePath) {}

  /** The KPI of one district: contacts of reported cases, and how many came under control in time. */
  public record DistrictKpi(String districtCode, long contacts, long underControl, long inTime) {}

  private static final String COLUMNS = """
      c.id, c.case_id, c.person_id, c.person_name, c.jurisdiction_code, c.category, c.contact_type,
      c.discovery_route, c.last_exposure_date, c.source_contact_id, c.tracking_state, c.outcome, c.case_reported_at,
      c.identified_at, c.located_at, c.under_control_at, c.order_id, c.note, c.jurisdiction_path,
      i.jurisdiction_path as case_path""";
  private static final String FROM = " from contact c join investigation i on i.id = c.investigation_id ";

  private final JdbcClient jdbc;

  ContactStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts unless the person is already a contact of the case; true when inserted. */
  public boolean insert(Contact c, UUID investigationId, String jurisdictionPath, String by) {
    return jdbc.sql("""
        insert into contact (id, case_id, investigation_id, person_id, person_name, jurisdiction_code,
          jurisdiction_path,
          category, contact_type, discovery_route, last_exposure_date, source_contact_id, tracking_state,
          case_reported_at, identified_at, note, created_by)
        values (:id, :caseId, :inv, :personId, :name, :code, :path, :category, :type, :route, :lastExposure,
          :source, :state, :caseReportedAt, :identifiedAt, :note, :by)
        on conflict (case_id, person_id) do nothing
        """).param("id", UUID.fromString(c.id())).param("caseId", UUID.fromString(c.caseId()))
        .param("inv", investigationId).param("personId", UUID.fromString(c.personId())).param("name", c.personName())
        .param("code", c.jurisdictionCode()).param("path", jurisdictionPath).param("category", c.category().name())
        .param("type", c.contactType().name()).param("route", c.discoveryRoute().name())
        .param("lastExposure", c.lastExposureDate())
        .param("source", c.sourceContactId() == null ? null : UUID.fromString(c.sourceContactId()))
        .param("state", c.trackingState().name()).param("caseReportedAt", c.caseReportedAt())
        .param("identifiedAt", c.identifiedAt()).param("note", c.note()).param("by", by).update() == 1;
  }

  public Optional<UUID> idOf(UUID caseId, UUID personId) {
    return jdbc.sql("select id from contact where case_id = :c and person_id = :p").param("c", caseId)
        .param("p", personId).query(UUID.class).optional();
  }

  /** A contact whose person lives in the scope or whose case lies in it. */
  public Optional<Stored> find(UUID id, JurisdictionScope scope, boolean lock) {
    return scope.bind(jdbc.sql("select " + COLUMNS + FROM + "where c.id = :id and (" + scope.predicate(
        "c.jurisdiction_path") + " or " + scope.predicate("i.jurisdiction_path") + ")" + (lock ? " for update of c"
            : ""))
        .param("id", id)).query(ContactStore::stored).optional();
  }

  public Optional<Stored> findForPlatform(UUID id) {
    return jdbc.sql("select " + COLUMNS + FROM + "where c.id = :id").param("id", id).query(ContactStore::stored)
        .optional();
  }

  public List<Stored> ofCase(UUID caseId, long offset, int limit) {
    return jdbc.sql("select " + COLUMNS + FROM + "where c.case_id = :id order by c.identified_at, c.id"
        + " offset :o limit :l").param("id", caseId).param("o", offset).param("l", limit)
        .query(ContactStore::stored).list();
  }

  /** Contacts whose person lives in the scope; {@code state} null: all. */
  public List<Stored> inScope(JurisdictionScope scope, TrackingState state, long offset, int limit) {
    return scope.bind(jdbc.sql("select " + COLUMNS + FROM + "where " + scope.predicate("c.jurisdiction_path")
        + (state == null ? "" : " and c.tracking_state = :state")
        + " order by c.jurisdiction_path, c.identified_at" + (state == null ? " desc" : "")
            + ", c.id offset :o limit :l")
        .param("state", state == null ? null : state.name()).param("o", offset).param("l", limit))
        .query(ContactStore::stored).list();
  }

  /** A person's contacts (as the contact), with the case's label, visible in the scope; newest first. */
  public List<Map.Entry<Stored, String>> ofPerson(UUID personId, JurisdictionScope scope, int limit) {
    return scope.bind(jdbc.sql("select " + COLUMNS + ", i.case_label" + FROM + "where c.person_id = :p and ("
        + scope.predicate("c.jurisdiction_path") + " or " + scope.predicate("i.jurisdiction_path") + ")"
        + " order by c.identified_at desc, c.id limit :l").param("p", personId).param("l", limit))
        .query((rs, n) -> Map.entry(stored(rs, n), rs.getString("case_label"))).list();
  }

  /** The case of a person (as the case) and how many contacts it has, if its investigation lies in the scope. */
  public Optional<Map.Entry<UUID, Long>> contactsOfCasePerson(UUID personId, JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select i.case_id, (select count(*) from contact c where c.case_id = i.case_id)"
        + " from investigation i where i.case_person_id = :p and " + scope.predicate("i.jurisdiction_path"))
        .param("p", personId)).query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2))).optional();
  }

  /** Open contacts (no outcome yet) of a person, across cases. */
  public List<UUID> openOfPerson(UUID personId) {
    return jdbc.sql("select id from contact where person_id = :p and outcome is null").param("p", personId)
        .query(UUID.class).list();
  }

  public void track(UUID id, TrackingState to, Instant at, String note) {
    String column = switch (to) {
      case LOCATED -> ", located_at = coalesce(located_at, :at)";
      case UNDER_CONTROL -> ", under_control_at = coalesce(under_control_at, :at)";
      default -> "";
    };
    jdbc.sql("update contact set tracking_state = :state" + column + ", note = coalesce(:note, note) where id = :id")
        .param("state", to.name()).param("at", at.atOffset(ZoneOffset.UTC)).param("note", note).param("id", id)
        .update();
  }

  public void order(UUID id, UUID orderId) {
    jdbc.sql("update contact set order_id = :o where id = :id").param("o", orderId).param("id", id).update();
  }

  public void outcome(UUID id, ContactOutcome outcome) {
    jdbc.sql("update contact set outcome = :o where id = :id and outcome is null").param("o", outcome.name())
        .param("id", id).update();
  }

  /**
   * Per district of the contacts' homes (each under the one of {@code districts} whose path its home's
   * path starts with, however deep the tree's root lies: a city of its own, or a province above it):
   * close and secondary contacts identified in {@code [from, to)}, how many are under control, and how
   * many came under control within {@code target} of their case's report.
   */
  public List<DistrictKpi> underControlKpi(JurisdictionScope scope, List<Jurisdiction> districts, Instant from,
      Instant to, java.time.Duration target) {
    return scope.bind(jdbc.sql("""
        select d.code as district, count(*) as contacts,
          count(c.under_control_at) as under_control,
          count(*) filter (where c.under_control_at <= c.case_reported_at + make_interval(secs => :target)) as in_time
        from contact c join unnest(:codes, :paths) as d(code, path) on starts_with(c.jurisdiction_path, d.path)
        where c.category in ('CLOSE', 'SECONDARY') and c.identified_at >= :from and c.identified_at < :to and
        """ + scope.predicate("c.jurisdiction_path") + " group by 1 order by 1")
        .param("codes", districts.stream().map(Jurisdiction::code).toArray(String[]::new))
        .param("paths", districts.stream().map(Jurisdiction::path).toArray(String[]::new))
        .param("target", (double) target.toSeconds()).param("from", from.atOffset(ZoneOffset.UTC))
        .param("to", to.atOffset(ZoneOffset.UTC)))
        .query((rs, n) -> new DistrictKpi(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
  }

  private static Stored stored(ResultSet rs, int n) throws SQLException {
    Contact contact = new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        ContactCategory.valueOf(rs.getString(6)), ContactType.valueOf(rs.getString(7)),
        ContactDiscoveryRoute.valueOf(rs.getString(8)), rs.getObject(9, LocalDate.class), rs.getString(10),
        TrackingState.valueOf(rs.getString(11)), rs.getString(12) == null ? null
            : ContactOutcome.valueOf(rs.getString(12)),
        rs.getObject(13, OffsetDateTime.class), rs.getObject(14, OffsetDateTime.class),
        rs.getObject(15, OffsetDateTime.class), rs.getObject(16, OffsetDateTime.class), rs.getString(17),
        rs.getString(18));
    return new Stored(contact, rs.getString(19), rs.getString(20));
  }
}
