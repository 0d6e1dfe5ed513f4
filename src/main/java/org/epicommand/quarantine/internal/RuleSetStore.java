package org.epicommand.quarantine.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.Regime;
import org.epicommand.quarantine.RiskLevel;
import org.epicommand.quarantine.RuleSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rule-set tables. Rule sets are few and never change, so all of them are read at once. */
@Repository
public class RuleSetStore {

  private final JdbcClient jdbc;

  RuleSetStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<RuleSet> all() {
    Map<String, Map<OrderReason, RuleSet.Rule>> rules = new LinkedHashMap<>();
    jdbc.sql("select * from quarantine_reason_rule").query((rs, n) -> {
      rules.computeIfAbsent(rs.getString("rule_set_code"), k -> new EnumMap<>(OrderReason.class))
          .put(OrderReason.valueOf(rs.getString("reason")), rule(rs));
      return null;
    }).list();
    return jdbc.sql("select * from quarantine_rule_set order by effective_from, code")
        .query((rs, n) -> new RuleSet(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
            rs.getObject("effective_from", java.time.LocalDate.class), rs.getInt("look_back_days"),
            rs.getBoolean("secondary_contacts"), rs.getBoolean("builtin"), levels(rs.getArray("risk_levels")),
            new RuleSet.DowngradeDays(rs.getObject("high_to_medium_days", Integer.class),
                rs.getObject("medium_to_low_days", Integer.class),
                rs.getObject("medium_to_low_from_high_days", Integer.class),
                rs.getObject("high_to_low_days", Integer.class)),
            rules.getOrDefault(rs.getString("code"), Map.of())))
        .list();
  }

  public boolean exists(String code) {
    return jdbc.sql("select count(*) from quarantine_rule_set where code = :code").param("code", code)
        .query(Long.class).single() > 0;
  }

  public void insert(RuleSet ruleSet, String createdBy) {
    RuleSet.DowngradeDays days = ruleSet.downgradeDays();
    jdbc.sql("""
        insert into quarantine_rule_set (code, name_zh, name_en, effective_from, look_back_days, secondary_contacts,
          builtin, created_by, risk_levels, high_to_medium_days, medium_to_low_days, medium_to_low_from_high_days,
          high_to_low_days)
        values (:code, :nameZh, :nameEn, :effectiveFrom, :lookBack, :secondary, false, :createdBy, :levels,
          :highToMedium, :mediumToLow, :mediumToLowFromHigh, :highToLow)""")
        .param("code", ruleSet.code()).param("nameZh", ruleSet.nameZh()).param("nameEn", ruleSet.nameEn())
        .param("effectiveFrom", ruleSet.effectiveFrom()).param("lookBack", ruleSet.lookBackDays())
        .param("secondary", ruleSet.secondaryContacts()).param("createdBy", createdBy)
        .param("levels", ruleSet.riskLevels().stream().map(RiskLevel::name).toArray(String[]::new))
        .param("highToMedium", days.highToMedium(), Types.INTEGER).param("mediumToLow", days.mediumToLow(),
            Types.INTEGER)
        .param("mediumToLowFromHigh", days.mediumToLowFromHigh(), Types.INTEGER)
        .param("highToLow", days.highToLow(), Types.INTEGER).update();
    ruleSet.rules().forEach((reason, rule) -> jdbc.sql("""
        insert into quarantine_reason_rule (rule_set_code, reason, phases, test_days, dual_reagent_days,
          release_on_negative)
        values (:code, :reason, :phases, :tests, :dual, :releaseOnNegative)""")
        .param("code", ruleSet.code()).param("reason", reason.name()).param("phases", phasesText(rule.phases()))
        .param("tests", rule.testDays().toArray(Integer[]::new))
        .param("dual", rule.dualReagentDays().toArray(Integer[]::new))
        .param("releaseOnNegative", rule.releaseOnNegative()).update());
  }

  /** {@code CENTRALIZED:7,HOME_MONITORING:3}. */
  public static String phasesText(List<RuleSet.PhaseRule> phases) {
    return phases.stream().map(p -> p.regime() + ":" + p.days()).collect(Collectors.joining(","));
  }

  /** Parses {@link #phasesText}; throws IllegalArgumentException on anything else. */
  public static List<RuleSet.PhaseRule> parsePhases(String text) {
    List<RuleSet.PhaseRule> phases = new ArrayList<>();
    for (String part : text.split("[,\\s]+")) {
      if (part.isBlank()) {
        continue;
      }
      String[] regimeDays = part.split(":");
      if (regimeDays.length != 2 || !regimeDays[1].matches("\\d{1,2}")) {
        throw new IllegalArgumentException(part);
      }
      phases.add(new RuleSet.PhaseRule(Regime.valueOf(regimeDays[0].trim()), Integer.parseInt(regimeDays[1])));
    }
    if (phases.isEmpty()) {
      throw new IllegalArgumentException(text);
    }
    return phases;
  }

  private static RuleSet.Rule rule(ResultSet rs) throws SQLException {
    return new RuleSet.Rule(parsePhases(rs.getString("phases")), ints(rs.getArray("test_days")),
        ints(rs.getArray("dual_reagent_days")), rs.getBoolean("release_on_negative"));
  }

  private static List<RiskLevel> levels(Array array) throws SQLException {
    return Arrays.stream((String[]) array.getArray()).map(RiskLevel::valueOf).toList();
  }

  private static List<Integer> ints(Array array) throws SQLException {
    return Arrays.asList((Integer[]) array.getArray());
  }
}
