package org.epicommand.command.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.command.ReportStatus;
import org.epicommand.command.ReportTemplate;
import org.epicommand.command.UnitKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Report templates, the units' daily reports, and the reminders already sent. */
@Repository
public class DailyReportStore {

  public record StoredReport(UUID id, UUID templateId, String unitCode, String unitName, LocalDate date, boolean zero,
      Map<String, Object> values, ReportStatus status, String submittedBy, Instant submittedAt, String correctedBy,
      Instant correctedAt, int version) {}

  /** One cell of the matrix. */
  public record Cell(String unitCode, LocalDate date, ReportStatus status) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<ReportTemplate.Field>> FIELDS = new TypeReference<>() {};
  private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() {};
  private static final String REPORT_COLUMNS = "r.id, r.template_id, r.unit_code, u.name as unit_name, r.report_date,"
      + " r.zero, r.values::text as values, r.status, r.submitted_by, r.submitted_at, r.corrected_by, r.corrected_at,"
      + " r.version";

  private static final String TEMPLATE_SELECT = "select t.id, t.name, t.fields::text, t.deadline_minutes, t.is_default,"
      + " (select string_agg(k.unit_kind, ',') from command_report_template_kind k where k.template_id = t.id),"
      + " t.retired_on from command_report_template t";

  private final JdbcClient jdbc;

  DailyReportStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<ReportTemplate> templates() {
    return jdbc.sql(TEMPLATE_SELECT + " order by t.is_default desc, t.retired_on nulls first, t.name")
        .query((rs, n) -> template(rs)).list();
  }

  public Optional<ReportTemplate> template(UUID id) {
    return jdbc.sql(TEMPLATE_SELECT + " where t.id = :id").param("id", id).query((rs, n) -> template(rs)).optional();
  }

  public Optional<ReportTemplate> defaultTemplate() {
    return jdbc.sql(TEMPLATE_SELECT + " where t.is_default").query((rs, n) -> template(rs)).optional();
  }

  public Optional<UUID> templateByName(String name) {
    return jdbc.sql("select id from command_report_template where name = :name").param("name", name)
        .query(UUID.class).optional();
  }

  /** Which template each unit kind files, for the kinds that have one assigned. */
  public Map<UnitKind, UUID> assignedKinds() {
    Map<UnitKind, UUID> assigned = new java.util.EnumMap<>(UnitKind.class);
    jdbc.sql("select unit_kind, template_id from command_report_template_kind")
        .query((rs, n) -> assigned.put(UnitKind.valueOf(rs.getString(1)), rs.getObject(2, UUID.class))).list();
    return assigned;
  }

  public void insertTemplate(ReportTemplate template, Instant at) {
    jdbc.sql("""
        insert into command_report_template (id, name, fields, deadline_minutes, is_default, created_at)
        values (:id, :name, cast(:fields as jsonb), :deadline, false, :at)
        """).param("id", template.id()).param("name", template.name())
        .param("fields", JSON.writeValueAsString(template.fields())).param("deadline", template.deadlineMinutes())
        .param("at", Timestamp.from(at)).update();
  }

  public void updateTemplate(ReportTemplate template, Instant at) {
    jdbc.sql("""
        update command_report_template set name = :name, fields = cast(:fields as jsonb), deadline_minutes = :deadline,
          updated_at = :at where id = :id
        """).param("id", template.id()).param("name", template.name())
        .param("fields", JSON.writeValueAsString(template.fields())).param("deadline", template.deadlineMinutes())
        .param("at", Timestamp.from(at)).update();
  }

  /** Makes a template the default (the one units of kinds without an assigned template file). */
  public void makeDefault(UUID id, Instant at) {
    jdbc.sql("update command_report_template set is_default = false, updated_at = :at where is_default and id <> :id")
        .param("id", id).param("at", Timestamp.from(at)).update();
    jdbc.sql("update command_report_template set is_default = true, updated_at = :at where id = :id")
        .param("id", id).param("at", Timestamp.from(at)).update();
  }

  /** Exactly these kinds file the template from now on (taken from any other template they had). */
  public void assignKinds(UUID id, java.util.Collection<UnitKind> kinds) {
    jdbc.sql("delete from command_report_template_kind where template_id = :id").param("id", id).update();
    for (UnitKind kind : kinds) {
      jdbc.sql("""
          insert into command_report_template_kind (unit_kind, template_id) values (:kind, :id)
          on conflict (unit_kind) do update set template_id = excluded.template_id
          """).param("kind", kind.name()).param("id", id).update();
    }
  }

  /** Retires a template from a day; the kinds assigned to it fall back to the default. */
  public void retireTemplate(UUID id, LocalDate day, Instant at) {
    jdbc.sql("update command_report_template set retired_on = :day, updated_at = :at where id = :id")
        .param("id", id).param("day", day).param("at", Timestamp.from(at)).update();
    jdbc.sql("delete from command_report_template_kind where template_id = :id").param("id", id).update();
  }

  /** Serialises changes to the templates' defaults and assignments. */
  public void lockTemplates() {
    jdbc.sql("lock table command_report_template_kind in share row exclusive mode").update();
  }

  public Optional<StoredReport> find(UUID templateId, String unitCode, LocalDate date) {
    return jdbc.sql("select " + REPORT_COLUMNS
        + " from command_daily_report r join command_unit u on u.code = r.unit_code"
            + " where r.template_id = :template and r.report_date = :date and r.unit_code = :unit")
        .param("template", templateId).param("date", date).param("unit", unitCode)
        .query((rs, n) -> report(rs)).optional();
  }

  public Optional<StoredReport> lock(UUID id) {
    return jdbc.sql("select " + REPORT_COLUMNS
        + " from command_daily_report r join command_unit u on u.code = r.unit_code"
        + " where r.id = :id for update of r").param("id", id).query((rs, n) -> report(rs)).optional();
  }

  /** Inserts the report unless the unit already filed that day (then false: the unique key decides). */
  public boolean insert(UUID id, UUID templateId, String unitCode, LocalDate date, boolean zero,
      Map<String, Object> values, ReportStatus status, String username, Instant at) {
    return jdbc.sql("""
        insert into command_daily_report (id, template_id, unit_code, report_date, zero, values, status, submitted_by,
          submitted_at)
        values (:id, :template, :unit, :date, :zero, cast(:values as jsonb), :status, :by, :at)
        on conflict on constraint command_daily_report_once do nothing
        """).param("id", id).param("template", templateId).param("unit", unitCode).param("date", date)
        .param("zero", zero).param("values", JSON.writeValueAsString(values)).param("status", status.name())
        .param("by", username).param("at", Timestamp.from(at)).update() == 1;
  }

  public void correct(UUID id, boolean zero, Map<String, Object> values, ReportStatus status, String username,
      Instant at) {
    jdbc.sql("""
        update command_daily_report set zero = :zero, values = cast(:values as jsonb), status = :status,
          corrected_by = :by, corrected_at = :at, version = version + 1 where id = :id
        """).param("zero", zero).param("values", JSON.writeValueAsString(values)).param("status", status.name())
        .param("by", username).param("at", Timestamp.from(at)).param("id", id).update();
  }

  /** Every filed report of a template between two days (inclusive), as matrix cells. */
  public List<Cell> cells(UUID templateId, LocalDate from, LocalDate to) {
    return jdbc.sql("select unit_code, report_date, status from command_daily_report"
            + " where template_id = :template and report_date between :from and :to")
        .param("template", templateId).param("from", from).param("to", to)
        .query((rs, n) -> new Cell(rs.getString(1), rs.getObject(2, LocalDate.class),
            ReportStatus.valueOf(rs.getString(3)))).list();
  }

  public List<StoredReport> reports(UUID templateId, LocalDate date) {
    return jdbc.sql("select " + REPORT_COLUMNS
        + " from command_daily_report r join command_unit u on u.code = r.unit_code"
            + " where r.template_id = :template and r.report_date = :date order by u.sort_order, u.code")
        .param("template", templateId).param("date", date).query((rs, n) -> report(rs)).list();
  }

  /** Records that an alert went out; false when it had been sent already. */
  public boolean markAlert(UUID templateId, LocalDate date, String unitCode, String kind, Instant at) {
    return jdbc.sql("""
        insert into command_report_alert (template_id, report_date, unit_code, kind, sent_at)
        values (:template, :date, :unit, :kind, :at) on conflict do nothing
        """).param("template", templateId).param("date", date).param("unit", unitCode).param("kind", kind)
        .param("at", Timestamp.from(at)).update() == 1;
  }

  private static ReportTemplate template(java.sql.ResultSet rs) throws java.sql.SQLException {
    String kinds = rs.getString(6);
    return new ReportTemplate(rs.getObject(1, UUID.class), rs.getString(2), JSON.readValue(rs.getString(3), FIELDS),
        ReportTemplate.deadline(rs.getInt(4)), rs.getBoolean(5), kinds == null ? List.of()
            : java.util.Arrays.stream(kinds.split(",")).map(UnitKind::valueOf).sorted().toList(),
        rs.getObject(7, LocalDate.class));
  }

  private static StoredReport report(java.sql.ResultSet rs) throws java.sql.SQLException {
    Timestamp corrected = rs.getTimestamp("corrected_at");
    return new StoredReport(rs.getObject("id", UUID.class), rs.getObject("template_id", UUID.class),
        rs.getString("unit_code"), rs.getString("unit_name"), rs.getObject("report_date", LocalDate.class),
        rs.getBoolean("zero"), JSON.readValue(rs.getString("values"), VALUES),
        ReportStatus.valueOf(rs.getString("status")), rs.getString("submitted_by"),
        rs.getTimestamp("submitted_at").toInstant(), rs.getString("corrected_by"),
        corrected == null ? null : corrected.toInstant(), rs.getInt("version"));
  }
}
