package org.epicommand.tracing;

import java.time.LocalDate;
import java.util.List;

/**
 * A cluster (聚集性疫情, docs/domain.md §5). {@code LINKED}: at least the threshold of linked cases (one
 * chain) within the window; {@code FAMILY}: linked cases of one household within the window;
 * {@code NAMED}: the cases a line list put under one cluster name. Dates are onset dates, or report
 * dates where the onset is unknown. A cluster is known by its place and setting and its first date
 * (团结社区 家庭聚集 11-02), never by a patient: {@code placeCode} is the division most of its cases live in,
 * {@code setting} the setting most of its transmissions happened in (null when none was recorded);
 * {@code name} is the line list's name of a named cluster, null for the others.
 */
public record Cluster(Kind kind, String name, String chainId, int cases, LocalDate firstDate, LocalDate lastDate,
    List<String> caseIds, String placeCode, TransmissionSetting setting) {

  public enum Kind {
    LINKED, FAMILY, NAMED
  }
}
