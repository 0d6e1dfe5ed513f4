package org.epicommand.labtest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.epicommand.account.CurrentUser;
import org.epicommand.shared.CopyRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one way results land on tubes, shared by the {@code results} import and the FHIR endpoint, in
 * the caller's transaction and in a fixed handful of round trips whatever the submission's size: the
 * submission's tubes (with their current result) and labs are read in one query each; the results
 * are checked against them in memory (unknown tube or lab, the same barcode twice in one submission —
 * in this batch or an earlier one of the same import —, a tube already resulted differently, a new
 * result from a retired lab, a lab operator's result for a lab they are not bound to); the
 * results to land are COPYed into a staging table and merged onto the tubes not yet resulted in one
 * statement that also adds the landed results to the board's rollups ({@link BoardRollup}) and to the
 * latest test per person ({@link LatestRollup}); the
 * {@link ResultRules} are applied to the newly resulted tubes that matter to them (positive tubes and
 * single tubes). A tube already carrying the same result changes nothing (idempotent).
 */
@Component
class ResultLanding {

  static final String STAGE = """
      create temp table if not exists labtest_stage_landing (
        line int, tube_id bigint, result text, ct_orf1ab numeric(4, 1), ct_n numeric(4, 1), positive boolean,
        lab_id bigint, reported_at timestamptz) on commit delete rows""";

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
  private final LabBindings bindings;
  private final CurrentUser currentUser;

  ResultLanding(DataSource dataSource, JdbcClient jdbc, ResultRules rules, LabtestProperties properties,
      LabBindings bindings, CurrentUser currentUser) {
    this.bindings = bindings;
    this.currentUser = currentUser;
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.rules = rules;
    this.properties = properties;
  }

  /** Positive when the lab says so or both Ct values lie below the configured threshold (docs/domain.md §7). */
  boolean positive(String result, BigDecimal orf1ab, BigDecimal n) {
    BigDecimal below = properties.positiveCtBelow();
    return "POSITIVE".equals(result)
        || (orf1ab != null && n != null && orf1ab.compareTo(below) < 0 && n.compareTo(below) < 0);
  }

  /** A stored tube as the checks see it: its id, kind and current result. */
  private record Stored(long id, String kind, String result, BigDecimal ctOrf1ab, BigDecimal ctN, Long labId,
      Instant reportedAt, UUID importId, Integer line) {}

  /** Lands the results under {@code submissionId} (an import's id) in the caller's transaction. */
  Outcome land(List<Staged> rows, UUID submissionId) {
    if (rows.isEmpty()) {
      return new Outcome(List.of(), Set.of());
    }
    Map<String, Stored> tubes = tubes(rows);
    Map<String, Long> labs = new HashMap<>();
    Set<Long> retiredLabs = new HashSet<>();
    labs(rows, labs, retiredLabs);
    // a lab operator reports for the labs they are bound to only
    Optional<Set<String>> own = currentUser.find().flatMap(bindings::labsOf);
    List<Rejection> rejections = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    CopyRows staging = new CopyRows();
    for (Staged row : rows) {
      Stored tube = tubes.get(row.barcode());
      Long labId = row.labCode() == null ? null : labs.get(row.labCode());
      if (tube == null) {
        rejections.add(new Rejection(row.line(), "tubeBarcode", "labtest.unknownTube"));
        continue;
      }
      if (labId == null) {
        rejections.add(new Rejection(row.line(), "labCode", "labtest.unknownLab"));
        continue;
      }
      if (own.isPresent() && !own.get().contains(row.labCode())) {
        rejections.add(new Rejection(row.line(), "labCode", "labtest.labNotYours"));
        continue;
      }
      // the same barcode twice in the submission: in this batch, or already resulted by another line of it
      if (!seen.add(row.barcode())
          || (submissionId.equals(tube.importId()) && !Objects.equals(tube.line(), row.line()))) {
        rejections.add(new Rejection(row.line(), "tubeBarcode", "labtest.duplicateInFile"));
        continue;
      }
      boolean positive = positive(row.result(), row.ctOrf1ab(), row.ctN());
      String stored = positive ? "POSITIVE" : row.result() != null ? row.result() : "NEGATIVE";
      BigDecimal orf1ab = ct(row.ctOrf1ab());
      BigDecimal n = ct(row.ctN());
      Instant reportedAt = Cells.micros(row.reportedAt());
      if (tube.result() != null) {
        // resulted before with another result: no silent overwrite (the same result again is a no-op)
        boolean same = stored.equals(tube.result()) && sameCt(orf1ab, tube.ctOrf1ab()) && sameCt(n, tube.ctN())
            && labId.equals(tube.labId()) && reportedAt.equals(tube.reportedAt());
        boolean sameLine = submissionId.equals(tube.importId()) && Objects.equals(tube.line(), row.line());
        if (!same && !sameLine) {
          rejections.add(new Rejection(row.line(), "result", "labtest.alreadyResulted"));
        }
        continue;
      }
      if (retiredLabs.contains(labId)) {
        rejections.add(new Rejection(row.line(), "labCode", "labtest.labRetired"));
        continue;
      }
      staging.field(row.line()).field(tube.id()).field(stored).field(orf1ab).field(n).field(positive).field(labId)
          .last(reportedAt);
    }
    rejections.sort(java.util.Comparator.comparingInt(Rejection::line));
    if (staging.rows() == 0) {
      return new Outcome(rejections, Set.of());
    }
    staging.copyInto(dataSource, STAGE, "copy labtest_stage_landing (line, tube_id, result, ct_orf1ab, ct_n, positive,"
        + " lab_id, reported_at) from stdin");
    record Landed(long tubeId, int line, boolean matters) {}
    List<Landed> landed = jdbc.sql("""
        with landed as (
          update labtest_tube t set state = 'RESULTED', result = s.result, ct_orf1ab = s.ct_orf1ab, ct_n = s.ct_n,
            positive = s.positive, lab_id = s.lab_id, reported_at = s.reported_at,
            result_import_id = :importId, result_line = s.line
          from labtest_stage_landing s
          where t.id = s.tube_id and t.result is null
          returning t.id, s.line, t.kind, t.site_id, t.lab_id, t.jurisdiction_path, t.collected_at, t.reported_at,
                    t.result, t.positive, t.transport_batch_id, t.members),
        board as (%s),
        turnaround as (%s),
        latest as (%s)
        select id, line, positive or kind = 'SINGLE' from landed
        """.formatted(BoardRollup.RESULTS, BoardRollup.TURNAROUND, LatestRollup.RESULTS)).param("importId", submissionId)
        .query((rs, i) -> new Landed(rs.getLong(1), rs.getInt(2), rs.getBoolean(3))).list();
    // the rules act on positive tubes (pools to retest, singles for the case flow) and single tubes (retests)
    rules.apply(landed.stream().filter(Landed::matters).map(Landed::tubeId).toList());
    rules.resulted(landed.stream().map(Landed::tubeId).toList());
    Set<Integer> lines = new HashSet<>();
    landed.forEach(l -> lines.add(l.line()));
    return new Outcome(rejections, lines);
  }

  private static BigDecimal ct(BigDecimal value) {
    return value == null ? null : value.setScale(1, java.math.RoundingMode.HALF_UP);
  }

  private static boolean sameCt(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  /** The submission's tubes by barcode: one query, an index probe per distinct barcode. */
  private Map<String, Stored> tubes(List<Staged> rows) {
    Set<String> barcodes = new HashSet<>();
    rows.forEach(r -> barcodes.add(r.barcode()));
    Map<String, Stored> tubes = new HashMap<>(barcodes.size() * 2);
    jdbc.sql("""
        select barcode, id, kind, result, ct_orf1ab, ct_n, lab_id, reported_at, result_import_id, result_line
        from labtest_tube where barcode = any(?::text[])
        """).params((Object) barcodes.toArray(String[]::new)).query(rs -> {
          OffsetDateTime reported = rs.getObject(8, OffsetDateTime.class);
          tubes.put(rs.getString(1), new Stored(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
              rs.getBigDecimal(6), (Long) rs.getObject(7), reported == null ? null : reported.toInstant(),
              rs.getObject(9, UUID.class), (Integer) rs.getObject(10)));
        });
    return tubes;
  }

  /** The submission's labs: their ids by code, and which of them are retired. */
  private void labs(List<Staged> rows, Map<String, Long> labs, Set<Long> retired) {
    Set<String> codes = new HashSet<>();
    rows.forEach(r -> {
      if (r.labCode() != null) {
        codes.add(r.labCode());
      }
    });
    jdbc.sql("select code, id, retired_at is not null from labtest_lab where code = any(?::text[])")
        .params((Object) codes.toArray(String[]::new)).query(rs -> {
          labs.put(rs.getString(1), rs.getLong(2));
          if (rs.getBoolean(3)) {
            retired.add(rs.getLong(2));
          }
        });
  }
}
