package org.epicommand.labtest.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code results}: CSV {@code tubeBarcode,result,ctOrf1ab,ctN,labCode,reportedAt}. Per
 * batch: cells parsed (Ct as numbers, instants), rows COPYed into a staging table, checked set-based
 * (unknown tube or lab, the same barcode twice in the file, a tube already resulted differently) and
 * merged onto the tubes in the batch's transaction; the rules of {@link ResultRules} (positive pools,
 * retests, single positives) run on the newly resulted tubes in the same transaction. A tube already
 * carrying the same result counts as imported and changes nothing.
 */
@Component
class ResultImport implements ImportHandler {

  static final String STAGE = """
      create temp table if not exists labtest_stage_result (
        line int, barcode text collate "C", result text, ct_orf1ab numeric(4, 1), ct_n numeric(4, 1),
        positive boolean, lab_code text collate "C", reported_at timestamptz, tube_id bigint, lab_id bigint,
        err_field text, err_code text) on commit delete rows""";

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final ResultRules rules;
  private final LabtestProperties properties;
  private final Clock clock;

  ResultImport(DataSource dataSource, JdbcClient jdbc, ResultRules rules, LabtestProperties properties, Clock clock) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.rules = rules;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return "results";
  }

  @Override
  public List<String> columns() {
    return List.of("tubeBarcode", "result", "ctOrf1ab", "ctN", "labCode", "reportedAt");
  }

  @Override
  public String requiredAuthority() {
    return "LAB_RESULT_WRITE";
  }

  @Override
  public int batchSize() {
    return properties.importBatchSize();
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    Map<Integer, ImportRow> byLine = new HashMap<>();
    Staging staging = new Staging();
    for (ImportRow row : rows) {
      if (stage(row, batch, staging)) {
        byLine.put(row.line(), row);
      }
    }
    staging.copyInto(dataSource, STAGE, "copy labtest_stage_result (line, barcode, result, ct_orf1ab, ct_n, positive,"
        + " lab_code, reported_at) from stdin");
    if (staging.rows() == 0) {
      return;
    }
    validate(batch);
    jdbc.sql("select line, err_field, err_code from labtest_stage_result where err_code is not null").query(rs -> {
      batch.reject(byLine.get(rs.getInt(1)), rs.getString(2), rs.getString(3));
    });
    List<Long> resulted = jdbc.sql("""
        update labtest_tube t set state = 'RESULTED', result = s.result, ct_orf1ab = s.ct_orf1ab, ct_n = s.ct_n,
          positive = s.positive, lab_id = s.lab_id, reported_at = s.reported_at,
          result_import_id = :importId, result_line = s.line
        from labtest_stage_result s
        where s.tube_id = t.id and s.err_code is null and t.result is null
        returning t.id
        """).param("importId", batch.importId()).query(Long.class).list();
    rules.apply(resulted);
  }

  /** Parses a row into the staging rows; false (and the row rejected) when a cell is unreadable. */
  private boolean stage(ImportRow row, ImportBatch batch, Staging staging) {
    String barcode = row.get("tubeBarcode");
    if (barcode == null || barcode.length() > 40) {
      batch.reject(row, "tubeBarcode", "labtest.barcode");
      return false;
    }
    String result = row.get("result") == null ? null : switch (row.get("result").toUpperCase(Locale.ROOT)) {
      case "POSITIVE", "阳性" -> "POSITIVE";
      case "NEGATIVE", "阴性" -> "NEGATIVE";
      case "INVALID", "无效" -> "INVALID";
      default -> "?";
    };
    if ("?".equals(result)) {
      batch.reject(row, "result", "labtest.result");
      return false;
    }
    BigDecimal orf1ab = null;
    BigDecimal n = null;
    if (row.get("ctOrf1ab") != null && (orf1ab = Cells.ct(row.get("ctOrf1ab"))) == null) {
      batch.reject(row, "ctOrf1ab", "labtest.ct");
      return false;
    }
    if (row.get("ctN") != null && (n = Cells.ct(row.get("ctN"))) == null) {
      batch.reject(row, "ctN", "labtest.ct");
      return false;
    }
    if (result == null && orf1ab == null && n == null) {
      batch.reject(row, "result", "labtest.resultMissing");
      return false;
    }
    String lab = row.get("labCode");
    if (lab == null) {
      batch.reject(row, "labCode", "labtest.unknownLab");
      return false;
    }
    String reported = row.get("reportedAt");
    Instant reportedAt = reported == null ? null : Cells.instant(reported, clock.getZone());
    if (reportedAt == null) {
      batch.reject(row, "reportedAt", "labtest.instant");
      return false;
    }
    BigDecimal below = properties.positiveCtBelow();
    boolean positive = "POSITIVE".equals(result)
        || (orf1ab != null && n != null && orf1ab.compareTo(below) < 0 && n.compareTo(below) < 0);
    String stored = positive ? "POSITIVE" : result != null ? result : "NEGATIVE";
    staging.field(row.line()).field(barcode).field(stored).field(orf1ab).field(n).field(positive).field(lab)
        .last(reportedAt);
    return true;
  }

  private void validate(ImportBatch batch) {
    jdbc.sql("update labtest_stage_result s set tube_id = t.id from labtest_tube t where t.barcode = s.barcode")
        .update();
    jdbc.sql("update labtest_stage_result s set lab_id = l.id from labtest_lab l where l.code = s.lab_code").update();
    jdbc.sql("""
        update labtest_stage_result set err_field = 'tubeBarcode', err_code = 'labtest.unknownTube'
        where tube_id is null
        """).update();
    jdbc.sql("""
        update labtest_stage_result set err_field = 'labCode', err_code = 'labtest.unknownLab'
        where lab_id is null and err_code is null
        """).update();
    // the same barcode twice in the file: in this batch, or already resulted by another line of this import
    jdbc.sql("""
        update labtest_stage_result s set err_field = 'tubeBarcode', err_code = 'labtest.duplicateInFile'
        from (select line, row_number() over (partition by barcode order by line) as n
              from labtest_stage_result where err_code is null) d
        where d.line = s.line and d.n > 1
        """).update();
    jdbc.sql("""
        update labtest_stage_result s set err_field = 'tubeBarcode', err_code = 'labtest.duplicateInFile'
        from labtest_tube t
        where t.id = s.tube_id and s.err_code is null and t.result_import_id = :importId and t.result_line <> s.line
        """).param("importId", batch.importId()).update();
    // a tube resulted before with another result: no silent overwrite (the same result again is a no-op)
    jdbc.sql("""
        update labtest_stage_result s set err_field = 'result', err_code = 'labtest.alreadyResulted'
        from labtest_tube t
        where t.id = s.tube_id and s.err_code is null and t.result is not null
          and (t.result_import_id is distinct from :importId or t.result_line <> s.line)
          and (t.result, t.ct_orf1ab, t.ct_n, t.lab_id, t.reported_at)
              is distinct from (s.result, s.ct_orf1ab, s.ct_n, s.lab_id, s.reported_at)
        """).param("importId", batch.importId()).update();
  }
}
