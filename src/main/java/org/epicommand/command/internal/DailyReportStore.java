package org.epicommand.command.internal;

import java.math.BigDecimal;
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

  private final JdbcClient jdbc;

  DailyReportStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<ReportTemplate> templates() {
    return jdbc.sql("select id, name, fields::text, deadline_minutes, is_default from command_report_template"
        + " order by is_default desc, name").query((rs, n) -> template(rs)).list();
  }

  public Optional<ReportTemplate> template(UUID id) {
    return jdbc.sql("select id, name, fields::text, deadline_minutes, is_default from command_report_template"
        + " where id = :id").param("id", id).query((rs, n) -> template(rs)).optional();
  }

  public Optional<ReportTemplate> defaultTemplate() {
    return jdbc.sql("select id, name, fields::text, deadline_minutes, is_default from command_report_template"
        + " where is_default").query((rs, n) -> template(rs)).optional();
  }

  public Optional<UUID> templateByName(String name) {
    return jdbc.sql("select id from command_report_template where name = :name").param("name", name)
        .query(UUID.class).optional();
  }

  public void insertTemplate(ReportTemplate template, Instant at) {
    jdbc.sql("""
        insert into command_report_template (id, name, fields, deadline_minutes, is_default, created_at)
        values (:id, :name, cast(:fields as jsonb), :deadline, false, :at)
        """).param("id", template.id()).param("name", template.name())
        .param("fields", JSON.writeValueAsString(template.fields())).param("deadline", template.deadlineMinutes())
        .param("at", Timestamp.from(at)).update();
  }

  public Optional<StoredReport> find(UUID templateId, String unitCode, LocalDate date) {
    return jdbc.sql("select " + REPORT_COLUMNS + " from command_daily_report r join command_unit u on u.code = r.unit_code"
            + " where r.template_id = :template and r.report_date = :date and r.unit_code = :unit")
        .param("template", templateId).param("date", date).param("unit", unitCode)
        .query((rs, n) -> report(rs)).optional();
  }

  public Optional<StoredReport> lock(UUID id) {
    return jdbc.sql("select " + REPORT_COLUMNS + " from command_daily_report r join command_unit u on u.code = r.unit_code"
        + " where r.id = :id for update of r").param("id", id).query((rs, n) -> report(rs)).optional();
  }

  /** Inserts the report unless the unit already filed that day (then false: the unique key decides). */
  public boolean insert(UUID id, UUID templateId, String unitCode, LocalDate date, boolean zero,
      Map<String, Object> values, ReportStatus status, String username, Instant at) {
    return jdbc.sql("""
        insert into command_daily_report (id, template_id, unit_code, report_date, zero, values, status, submitted_by, submitted_at)
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
    return jdbc.sql("select " + REPORT_COLUMNS + " from command_daily_report r join command_unit u on u.code = r.unit_code"
            + " where r.template_id = :template and r.report_date = :date order by u.sort_order, u.code")
        .param("template", templateId).param("date", date).query((rs, n) -> report(rs)).list();
  }

  /** The sums of the numeric fields over the units' reports of a day (zero reports count as nothing). */
  public Map<String, BigDecimal> totals(UUID templateId, LocalDate date, List<String> numericKeys) {
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    numericKeys.forEach(key -> totals.put(key, BigDecimal.ZERO));
    jdbc.sql("""
        select e.key, sum(e.value::numeric) from command_daily_report r, jsonb_each_text(r.values) e
        where r.template_id = :template and r.report_date = :date and not r.zero and e.key in (:keys)
          and e.value is not null
        group by e.key
        """).param("template", templateId).param("date", date)
        .param("keys", numericKeys.isEmpty() ? List.of("-") : numericKeys)
        .query((rs, n) -> totals.put(rs.getString(1), rs.getBigDecimal(2))).list();
    return totals;
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
    return new ReportTemplate(rs.getObject(1, UUID.class), rs.getString(2), JSON.readValue(rs.getString(3), FIELDS),
        ReportTemplate.deadline(rs.getInt(4)), rs.getBoolean(5));
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
