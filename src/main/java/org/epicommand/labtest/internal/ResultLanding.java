package org.epicommand.labtest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one way results land on tubes, shared by the {@code results} import and the FHIR endpoint:
 * parsed results COPYed into a staging table, checked set-based (unknown tube or lab, the same barcode
 * twice in one submission, a tube already resulted differently), merged onto the tubes not yet
 * resulted, and the {@link ResultRules} applied to the newly resulted ones — all in the caller's
 * transaction, with the board's rollups ({@link BoardRollup}) counting the results actually landed. A tube
 * already carrying the same result changes nothing (idempotent).
 */
@Component
class ResultLanding {

  static final String STAGE = """
      create temp table if not exists labtest_stage_result (
        line int, barcode text collate "C", result text, ct_orf1ab numeric(4, 1), ct_n numeric(4, 1),
        positive boolean, lab_code text collate "C", reported_at timestamptz, tube_id bigint, lab_id bigint,
        err_field text, err_code text) on commit delete rows""";

  /**
   * One parsed result: {@code result} is {@code POSITIVE}, {@code NEGATIVE}, {@code INVALID} or null
   * (then the Ct values decide), Ct values with one decimal; {@code line} identifies it in its submission.
   */
  record Staged(int line, String barcode, String result, BigDecimal ctOrf1ab, BigDecimal ctN, String labCode,
      Instant reportedAt) {}

  /** A staged result that did not land: the field and the message code (under {@code error.}). */
  record Rejection(int line, String field, String code) {}

  /** What became of a submission: rejected lines, and the lines that resulted a tube now (the rest already had it). */
  record Outcome(List<Rejection> rejections, Set<Integer> landed) {}

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final ResultRules rules;
  private final LabtestProperties properties;

  ResultLanding(DataSource dataSource, JdbcClient jdbc, ResultRules rules, LabtestProperties properties) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.rules = rules;
    this.properties = properties;
  }

  /** Positive when the lab says so or both Ct values lie below the configured threshold (DOMAIN.md §7). */
  boolean positive(String result, BigDecimal orf1ab, BigDecimal n) {
    BigDecimal below = properties.positiveCtBelow();
    return "POSITIVE".equals(result)
        || (orf1ab != null && n != null && orf1ab.compareTo(below) < 0 && n.compareTo(below) < 0);
  }

  /** Lands the results under {@code submissionId} (an import's id) in the caller's transaction. */
  Outcome land(List<Staged> rows, UUID submissionId) {
    Staging staging = new Staging();
    for (Staged row : rows) {
      boolean positive = positive(row.result(), row.ctOrf1ab(), row.ctN());
      String stored = positive ? "POSITIVE" : row.result() != null ? row.result() : "NEGATIVE";
      staging.field(row.line()).field(row.barcode()).field(stored).field(row.ctOrf1ab()).field(row.ctN())
          .field(positive).field(row.labCode()).last(row.reportedAt());
    }
    staging.copyInto(dataSource, STAGE, "copy labtest_stage_result (line, barcode, result, ct_orf1ab, ct_n, positive,"
        + " lab_code, reported_at) from stdin");
    if (staging.rows() == 0) {
      return new Outcome(List.of(), Set.of());
    }
    validate(submissionId);
    List<Rejection> rejections = new ArrayList<>();
    jdbc.sql("select line, err_field, err_code from labtest_stage_result where err_code is not null order by line")
        .query(rs -> {
          rejections.add(new Rejection(rs.getInt(1), rs.getString(2), rs.getString(3)));
        });
    record Landed(long tubeId, int line) {}
    List<Landed> landed = jdbc.sql("""
        with landed as (
          update labtest_tube t set state = 'RESULTED', result = s.result, ct_orf1ab = s.ct_orf1ab, ct_n = s.ct_n,
            positive = s.positive, lab_id = s.lab_id, reported_at = s.reported_at,
            result_import_id = :importId, result_line = s.line
          from labtest_stage_result s
          where s.tube_id = t.id and s.err_code is null and t.result is null
          returning t.id, s.line, t.site_id, t.lab_id, t.jurisdiction_path, t.collected_at, t.reported_at, t.result,
                    t.positive, t.transport_batch_id, t.members),
        board as (%s),
        turnaround as (%s)
        select id, line from landed
        """.formatted(BoardRollup.RESULTS, BoardRollup.TURNAROUND)).param("importId", submissionId)
        .query((rs, n) -> new Landed(rs.getLong(1), rs.getInt(2))).list();
    rules.apply(landed.stream().map(Landed::tubeId).toList());
    Set<Integer> lines = new HashSet<>();
    landed.forEach(l -> lines.add(l.line()));
    return new Outcome(rejections, lines);
  }

  private void validate(UUID submissionId) {
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
    // the same barcode twice in the submission: in this batch, or already resulted by another line of it
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
        """).param("importId", submissionId).update();
    // a tube resulted before with another result: no silent overwrite (the same result again is a no-op)
    jdbc.sql("""
        update labtest_stage_result s set err_field = 'result', err_code = 'labtest.alreadyResulted'
        from labtest_tube t
        where t.id = s.tube_id and s.err_code is null and t.result is not null
          and (t.result_import_id is distinct from :importId or t.result_line <> s.line)
          and (t.result, t.ct_orf1ab, t.ct_n, t.lab_id, t.reported_at)
              is distinct from (s.result, s.ct_orf1ab, s.ct_n, s.lab_id, s.reported_at)
        """).param("importId", submissionId).update();
  }
}
