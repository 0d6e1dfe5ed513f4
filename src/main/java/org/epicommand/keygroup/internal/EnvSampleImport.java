package org.epicommand.keygroup.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.epicommand.imports.CellValues;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportRow;
import org.epicommand.keygroup.EnvSample;
import org.epicommand.keygroup.EnvSite;
import org.epicommand.keygroup.EnvironmentSamples;
import org.epicommand.keygroup.Matrix;
import org.epicommand.keygroup.NewEnvSample;
import org.springframework.stereotype.Component;

/**
 * Import kind {@code env-samples} (CSV or XLSX {@code barcode,site,matrix,goodsBatch,collectedAt}, Chinese headers
 * accepted): environmental samples recorded through {@link EnvironmentSamples#record} as the form records them. The
 * site is its id or its name among the active sites inside the importer's reach; the matrix its code or its Chinese
 * name. A site unknown or named twice, an unknown matrix, a bad time and whatever the form refuses (a barcode outside
 * the {@code E} namespace, a barcode of another sample) are row errors with their line; a sample stored before at
 * the same site counts as already present, so the same file again changes nothing.
 */
@Component
class EnvSampleImport extends EnvironmentImport {

  static final List<ImportColumn> COLUMNS = List.of(
      ImportColumn.of("barcode", "条码", "样本条码", "样本编号"),
      ImportColumn.of("site", "场所", "监测场所", "采样场所"),
      ImportColumn.of("matrix", "样本类型", "采样对象"),
      ImportColumn.of("goodsBatch", "货物批次", "批次号"),
      ImportColumn.of("collectedAt", "采样时间"));

  static final Map<String, Matrix> MATRICES = Map.of("物体表面", Matrix.SURFACE, "表面", Matrix.SURFACE,
      "外包装", Matrix.PACKAGE_OUTER, "内包装", Matrix.PACKAGE_INNER, "货物本身", Matrix.PRODUCT, "货物", Matrix.PRODUCT,
      "空气", Matrix.AIR, "污水", Matrix.SEWAGE);

  private final Clock clock;

  EnvSampleImport(EnvironmentSamples samples, RowAttempts attempts, Clock clock) {
    super("env-samples", COLUMNS, samples, attempts);
    this.clock = clock;
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    Map<String, String> byName = new HashMap<>();
    Map<String, String> ids = new HashMap<>();
    for (EnvSite site : samples.sites(false)) {
      ids.put(site.id(), site.id());
      byName.merge(site.name(), site.id(), (a, b) -> "");
    }
    for (ImportRow row : rows) {
      String site = row.get("site") == null ? null : row.get("site").strip();
      String siteId = site == null ? null : Optional.ofNullable(ids.get(site)).orElse(byName.get(site));
      if (siteId == null || siteId.isEmpty()) {
        batch.reject(row, "site", siteId == null ? "keygroup.import.site" : "keygroup.import.siteTwice");
        continue;
      }
      Matrix matrix = matrix(row.get("matrix"));
      if (matrix == null) {
        batch.reject(row, "matrix", "keygroup.env.matrix");
        continue;
      }
      Instant collected = row.get("collectedAt") == null ? null : CellValues.instant(row.get("collectedAt"),
          clock.getZone());
      if (row.get("collectedAt") != null && collected == null) {
        batch.reject(row, "collectedAt", "keygroup.env.collectedAt");
        continue;
      }
      Optional<EnvSample> stored = samples.find(row.get("barcode"));
      if (stored.isPresent() && stored.get().siteId().equals(siteId) && stored.get().matrix() == matrix) {
        batch.alreadyPresent(row);
        continue;
      }
      NewEnvSample request = new NewEnvSample(row.get("barcode"), siteId, matrix, row.get("goodsBatch"), collected);
      attempts.attempt(batch, row, "barcode", null, () -> samples.record(request));
    }
  }

  static Matrix matrix(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    try {
      return Matrix.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return MATRICES.get(value);
    }
  }
}
