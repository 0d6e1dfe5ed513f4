package org.epicommand.vaccination.internal;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.epicommand.vaccination.AgeBand;
import org.epicommand.vaccination.CoverageMeasure;
import org.epicommand.vaccination.CoverageTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Coverage targets as data ({@code vaccination_coverage_target}) and the goals of the door-to-door lists they give. */
@Repository
public class CoverageStore {

  private final JdbcClient jdbc;

  CoverageStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<CoverageTarget> targets() {
    return jdbc.sql("select age_band, measure, percent from vaccination_coverage_target order by age_band, measure")
        .query((rs, n) -> new CoverageTarget(AgeBand.valueOf(rs.getString(1)), CoverageMeasure.valueOf(rs.getString(2)),
            rs.getBigDecimal(3))).list();
  }

  /** Replaces every target. */
  public void replaceTargets(List<CoverageTarget> targets) {
    jdbc.sql("delete from vaccination_coverage_target").update();
    for (CoverageTarget t : targets) {
      jdbc.sql("insert into vaccination_coverage_target (age_band, measure, percent) values (?, ?, ?)")
          .params(t.ageBand().name(), t.measure().name(), t.percent()).update();
    }
  }

  public TargetGoals goals() {
    Map<AgeBand, CoverageMeasure> highest = new EnumMap<>(AgeBand.class);
    for (CoverageTarget t : targets()) {
      if (!t.ageBand().sum() && t.percent().compareTo(BigDecimal.ZERO) > 0) {
        highest.merge(t.ageBand(), t.measure(), (a, b) -> a.ordinal() >= b.ordinal() ? a : b);
      }
    }
    return new TargetGoals(highest);
  }
}
