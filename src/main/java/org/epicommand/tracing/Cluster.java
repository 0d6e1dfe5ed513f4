package org.epicommand.tracing;

import java.time.LocalDate;
import java.util.List;

/**
 * A cluster (聚集性疫情, docs/domain.md §5). {@code LINKED}: at least the threshold of linked cases (one
 * chain) within the window; {@code FAMILY}: linked cases of one household within the window;
 * {@code NAMED}: the cases a line list put under one cluster name. Dates are onset dates, or report
 * dates where the onset is unknown.
 */
public record Cluster(Kind kind, String name, String chainId, int cases, LocalDate firstDate, LocalDate lastDate,
    List<String> caseIds) {

  public enum Kind {
    LINKED, FAMILY, NAMED
  }
}
