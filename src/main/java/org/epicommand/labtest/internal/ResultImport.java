package org.epicommand.labtest.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code results}: CSV {@code tubeBarcode,result,ctOrf1ab,ctN,labCode,reportedAt}. Per batch: cells
 * parsed (Ct as numbers, instants) ahead of the batch's transaction, then landed by {@link ResultLanding} in the
 * batch's transaction (staging COPY, set-based checks, merge, {@link ResultRules}); its rejections become the rows'
 * errors. A tube already carrying the same result counts as imported and changes nothing.
 */
@Component
class ResultImport implements ImportHandler {

  private final ResultLanding landing;
  private final LabtestProperties properties;
  private final Clock clock;

  ResultImport(ResultLanding landing, LabtestProperties properties, Clock clock) {
    this.landing = landing;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return "results";
  }

  /** The columns, with the headers of the result lists labs export. */
  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("tubeBarcode", "试管条码", "采样管条码", "试管编码", "管码", "条码"),
      ImportColumn.of("result", "检测结果", "结果", "核酸结果"),
      ImportColumn.of("ctOrf1ab", "ORF1ab", "ORF1ab基因Ct值", "Ct值(ORF1ab)", "ORF1ab Ct值"),
      ImportColumn.of("ctN", "N基因", "N基因Ct值", "Ct值(N)", "N Ct值"),
      ImportColumn.of("labCode", "检测机构编码", "检测机构代码", "实验室编码", "实验室代码"),
      ImportColumn.of("reportedAt", "报告时间", "检测时间", "结果时间"));

  @Override
  public List<ImportColumn> importColumns() {
    return COLUMNS;
  }

  @Override
  public String requiredAuthority() {
    return "LAB_RESULT_WRITE";
  }

  @Override
  public int batchSize() {
    return properties.importBatchSize();
  }

  /** The batch's parsed results by line (the unreadable rows rejected). */
  private record Parsed(Map<Integer, ImportRow> byLine, List<ResultLanding.Staged> staged) {}

  /** Parsing, ahead of the batch's transaction while the previous one commits. */
  @Override
  public Object prepare(List<ImportRow> rows, ImportBatch batch) {
    return parse(rows, batch);
  }

  @Override
  public void importBatch(List<ImportRow> rows, Object prepared, ImportBatch batch) {
    Parsed parsed = prepared == null ? parse(rows, batch) : (Parsed) prepared;
    ResultLanding.Outcome outcome = landing.land(parsed.staged(), batch.importId());
    outcome.rejections().forEach(r -> batch.reject(parsed.byLine().get(r.line()), r.field(), r.code()));
    // the same result once more (a file sent twice): accepted, but nothing changed
    parsed.staged().stream().filter(s -> !outcome.landed().contains(s.line()))
        .forEach(s -> batch.alreadyPresent(parsed.byLine().get(s.line())));
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    importBatch(rows, null, batch);
  }

  private Parsed parse(List<ImportRow> rows, ImportBatch batch) {
    Map<Integer, ImportRow> byLine = new HashMap<>(rows.size() * 2);
    List<ResultLanding.Staged> staged = new ArrayList<>(rows.size());
    // a lab reports a run at once: the few distinct instants of a batch are parsed once each
    Map<String, Instant> instants = new HashMap<>();
    for (ImportRow row : rows) {
      ResultLanding.Staged result = parse(row, batch, instants);
      if (result != null) {
        byLine.put(row.line(), row);
        staged.add(result);
      }
    }
    return new Parsed(byLine, staged);
  }

  /** Parses a row; null (and the row rejected) when a cell is unreadable. */
  private ResultLanding.Staged parse(ImportRow row, ImportBatch batch, Map<String, Instant> instants) {
    String barcode = row.get("tubeBarcode");
    if (barcode == null || barcode.length() > 40) {
      batch.reject(row, "tubeBarcode", "labtest.barcode");
      return null;
    }
    String result = row.get("result") == null ? null : switch (row.get("result").toUpperCase(Locale.ROOT)) {
      case "POSITIVE", "阳性" -> "POSITIVE";
      case "NEGATIVE", "阴性" -> "NEGATIVE";
      case "INVALID", "无效" -> "INVALID";
      default -> "?";
    };
    if ("?".equals(result)) {
      batch.reject(row, "result", "labtest.result");
      return null;
    }
    BigDecimal orf1ab = null;
    BigDecimal n = null;
    if (row.get("ctOrf1ab") != null && (orf1ab = Cells.ct(row.get("ctOrf1ab"))) == null) {
      batch.reject(row, "ctOrf1ab", "labtest.ct");
      return null;
    }
    if (row.get("ctN") != null && (n = Cells.ct(row.get("ctN"))) == null) {
      batch.reject(row, "ctN", "labtest.ct");
      return null;
    }
    if (result == null && orf1ab == null && n == null) {
      batch.reject(row, "result", "labtest.resultMissing");
      return null;
    }
    String lab = row.get("labCode");
    if (lab == null) {
      batch.reject(row, "labCode", "labtest.unknownLab");
      return null;
    }
    String reported = row.get("reportedAt");
    Instant reportedAt = reported == null ? null
        : instants.computeIfAbsent(reported, r -> Cells.instant(r, clock.getZone()));
    if (reportedAt == null) {
      batch.reject(row, "reportedAt", "labtest.instant");
      return null;
    }
    if (Cells.future(reportedAt, clock)) {
      batch.reject(row, "reportedAt", "labtest.futureTime");
      return null;
    }
    return new ResultLanding.Staged(row.line(), barcode, result, orf1ab, n, lab, reportedAt);
  }
}
