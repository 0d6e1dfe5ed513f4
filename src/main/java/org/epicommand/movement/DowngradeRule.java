package org.epicommand.movement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.epicommand.quarantine.RiskLevel;
import org.epicommand.quarantine.RuleSet;

/**
 * When an area may come down a level (docs/domain.md §8), as the rule set in force says: its level family
 * and its downgrade days. The count of days without a new infection starts on the later of the last
 * new infection and the first day of the present level (day 0, as in the day counting of §6): after
 * n such days, i.e. on day n, the downgrade is proposed.
 *
 * <ul>
 *   <li>高/中/低 (ed. 9: 7, 7, 3): HIGH → MEDIUM after {@code highToMedium} days; MEDIUM → LOW after
 *       {@code mediumToLow}, or {@code mediumToLowFromHigh} when the area came down from HIGH.</li>
 *   <li>高/低 (20 measures: 5): HIGH → LOW after {@code highToLow} days.</li>
 *   <li>An area at a level the family does not have (MEDIUM from an earlier edition) comes down to
 *       the next lower level at once.</li>
 * </ul>
 */
public record DowngradeRule(String ruleSet, List<RiskLevel> levels, RuleSet.DowngradeDays days) {

  public DowngradeRule {
    levels = List.copyOf(levels);
  }

  /** The downgrade rule of a rule set. */
  public static DowngradeRule of(RuleSet ruleSet) {
    return new DowngradeRule(ruleSet.code(), ruleSet.riskLevels(), ruleSet.downgradeDays());
  }

  /**
   * The level proposed on {@code day} for an area at {@code level} since {@code levelSince}, last new
   * infection {@code lastNewCase} (null: none since designation); empty when it stays.
   */
  public Optional<RiskLevel> proposal(RiskLevel level, boolean cameFromHigh, LocalDate levelSince,
      LocalDate lastNewCase, LocalDate day) {
    if (level == RiskLevel.LOW) {
      return Optional.empty();
    }
    Optional<RiskLevel> next = levels.stream().filter(l -> l.compareTo(level) > 0).findFirst();
    if (!levels.contains(level) || next.isEmpty()) {
      return next;
    }
    LocalDate anchor = lastNewCase != null && lastNewCase.isAfter(levelSince) ? lastNewCase : levelSince;
    long quietDays = ChronoUnit.DAYS.between(anchor, day);
    Integer needed = switch (level) {
      case HIGH -> next.get() == RiskLevel.MEDIUM ? days.highToMedium() : days.highToLow();
      case MEDIUM -> cameFromHigh ? days.mediumToLowFromHigh() : days.mediumToLow();
      case LOW -> null;
    };
    return needed != null && quietDays >= needed ? next : Optional.empty();
  }
}
