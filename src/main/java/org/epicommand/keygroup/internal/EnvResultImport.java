package org.epicommand.keygroup.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportRow;
import org.epicommand.keygroup.EnvResult;
import org.epicommand.keygroup.EnvSample;
import org.epicommand.keygroup.EnvironmentSamples;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code env-results} (CSV or XLSX {@code barcode,result,ctOrf1ab,ctN}, Chinese headers and results
 * accepted): results entered through {@link EnvironmentSamples#result} exactly as by hand — a positive opens the
 * site's follow-up and publishes {@code EnvironmentSamplePositive} (the alert to CDC, the exposure note). A barcode
 * unknown or outside the importer's reach, a bad result or Ct value and a sample holding another result are row
 * errors with their line; the same result again counts as already present.
 */
@Component
class EnvResultImport extends EnvironmentImport {

  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("barcode", "条码", "样本条码", "样本编号"),
      ImportColumn.of("result", "结果", "检测结果"),
      ImportColumn.of("ctOrf1ab", "ORF1ab", "CT值ORF1ab", "ORF1ab基因Ct值"),
      ImportColumn.of("ctN", "N", "CT值N", "N基因Ct值"));

  static final Map<String, String> RESULTS = Map.of("阴性", "NEGATIVE", "阳性", "POSITIVE", "无效", "INVALID");

  EnvResultImport(EnvironmentSamples samples, RowAttempts attempts) {
    super("env-results", COLUMNS, samples, attempts);
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    for (ImportRow row : rows) {
      Optional<EnvSample> sample = samples.find(row.get("barcode"));
      if (sample.isEmpty()) {
        batch.reject(row, "barcode", "keygroup.import.unknownBarcode");
        continue;
      }
      String given = row.get("result") == null ? "" : row.get("result").strip();
      String result = RESULTS.getOrDefault(given, given.toUpperCase(Locale.ROOT));
      BigDecimal orf = ct(row.get("ctOrf1ab"));
      BigDecimal n = ct(row.get("ctN"));
      if (orf == null && row.get("ctOrf1ab") != null || n == null && row.get("ctN") != null) {
        batch.reject(row, orf == null && row.get("ctOrf1ab") != null ? "ctOrf1ab" : "ctN", "keygroup.env.ct");
        continue;
      }
      if (result.equals(sample.get().result())) {
        batch.alreadyPresent(row);
        continue;
      }
      attempts.attempt(batch, row, "result", null,
          () -> samples.result(sample.get().barcode(), new EnvResult(result, orf, n)));
    }
  }

  private static BigDecimal ct(String text) {
    try {
      return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
