package org.epicommand.enterprise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.enterprise.internal.BoardStore;
import org.epicommand.enterprise.internal.EnterpriseProperties;
import org.epicommand.enterprise.internal.Reach;
import org.epicommand.enterprise.internal.Reaches;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.organisation.Sector;
import org.springframework.stereotype.Service;

/**
 * The reopening board by sector × district, inside the caller's reach (or a part of it): per cell the
 * active organisations, those resumed (an approved application: 复工率 = resumed ÷ active), their headcount
 * and staff on duty (返岗率 = on duty ÷ headcount); schools per cohort with the cohorts opened; scenic spots'
 * visitors of the day against their cap (the configured share of the certified capacity). Counts only.
 */
@Service
public class ResumptionBoard {

  /** One cell of sector × district (a null district: organisations placed above the district level). */
  public record Cell(String districtCode, String districtName, Sector sector, long organisations, long resumed,
      Double resumptionRate, long headcount, long onDuty, Double returnRate, long exposed) {}

  /** Schools of a cohort and how many reopened it. */
  public record CohortRow(String cohort, long schools, long opened) {}

  /** A scenic spot's visitors of the day (null: no report) against its cap. */
  public record ScenicRow(String organisationId, String name, Integer visitors, Integer capacity, Integer cap,
      boolean overCap) {}

  public record Board(LocalDate date, List<Cell> cells, Cell total, List<CohortRow> cohorts, List<ScenicRow> scenic,
      long scenicVisitors, long scenicCap, double capacityShare) {}

  private final BoardStore store;
  private final Reaches reaches;
  private final Jurisdictions jurisdictions;
  private final EnterpriseProperties properties;
  private final Clock clock;

  ResumptionBoard(BoardStore store, Reaches reaches, Jurisdictions jurisdictions, EnterpriseProperties properties,
      Clock clock) {
    this.store = store;
    this.reaches = reaches;
    this.jurisdictions = jurisdictions;
    this.properties = properties;
    this.clock = clock;
  }

  public Board board(String jurisdiction) {
    Reach reach = reaches.current();
    reach = new Reach(jurisdictions.narrow(reach.scope(), jurisdiction), reach.sectors());
    LocalDate today = LocalDate.now(clock);
    Map<String, String> names = new HashMap<>();
    List<Cell> cells = new ArrayList<>();
    long orgs = 0;
    long resumed = 0;
    long headcount = 0;
    long onDuty = 0;
    long exposed = 0;
    for (BoardStore.CellRow row : store.cells(reach)) {
      String name = row.districtCode() == null ? null : names.computeIfAbsent(row.districtCode(),
          code -> jurisdictions.find(code).map(Jurisdiction::name).orElse(code));
      cells.add(cell(row.districtCode(), name, row.sector(), row.organisations(), row.resumed(), row.headcount(),
          row.onDuty(), row.exposed()));
      orgs += row.organisations();
      resumed += row.resumed();
      headcount += row.headcount();
      onDuty += row.onDuty();
      exposed += row.exposed();
    }
    double share = properties.scenicCapacityShare();
    List<ScenicRow> scenic = store.scenic(reach, today, 20).stream().map(r -> {
      Integer cap = r.capacity() == null ? null : (int) Math.floor(r.capacity() * share);
      return new ScenicRow(r.organisationId().toString(), r.name(), r.visitors(), r.capacity(), cap,
          cap != null && r.visitors() != null && r.visitors() > cap);
    }).toList();
    long[] scenicTotals = store.scenicTotals(reach, today);
    return new Board(today, cells, cell(null, null, null, orgs, resumed, headcount, onDuty, exposed),
        store.cohorts(reach), scenic, scenicTotals[0], (long) Math.floor(scenicTotals[1] * share), share);
  }

  private static Cell cell(String district, String name, Sector sector, long orgs, long resumed, long headcount,
      long onDuty, long exposed) {
    return new Cell(district, name, sector, orgs, resumed, orgs == 0 ? null : ratio(resumed, orgs), headcount, onDuty,
        headcount == 0 ? null : ratio(onDuty, headcount), exposed);
  }

  private static double ratio(long part, long whole) {
    return Math.round(part * 10_000.0 / whole) / 10_000.0;
  }
}
