package org.epicommand.movement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * When an area may come down a level (DOMAIN.md §8), per protocol family. The count of days without a
 * new infection starts on the later of the last new infection and the first day of the present level
 * (day 0, as in the day counting of §6): after n such days, i.e. on day n, the downgrade is proposed.
 *
 * <ul>
 *   <li>ed. 9 (and the editions before it): HIGH → MEDIUM after 7 days; MEDIUM → LOW after 7 days, or
 *       3 days when the area came down from HIGH.</li>
 *   <li>20 measures (and later): only HIGH and LOW; HIGH → LOW after 5 days. An area still MEDIUM
 *       from an earlier edition comes down to LOW at once.</li>
 * </ul>
 */
public enum DowngradeRule {

  EDITION_9(List.of(RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW)),
  TWENTY_MEASURES(List.of(RiskLevel.HIGH, RiskLevel.LOW));

  /** The 20 measures took effect on this day; custom rule sets from it on follow them. */
  static final LocalDate TWENTY_MEASURES_FROM = LocalDate.of(2022, 11, 11);

  private final List<RiskLevel> levels;

  DowngradeRule(List<RiskLevel> levels) {
    this.levels = levels;
  }

  /** The family of a rule set: by its code, or by its effective date for custom rule sets. */
  public static DowngradeRule of(String ruleSetCode, LocalDate effectiveFrom) {
    return switch (ruleSetCode) {
      case "V8", "V9" -> EDITION_9;
      case "TWENTY_MEASURES", "TEN_MEASURES" -> TWENTY_MEASURES;
      default -> effectiveFrom != null && !effectiveFrom.isBefore(TWENTY_MEASURES_FROM) ? TWENTY_MEASURES : EDITION_9;
    };
  }

  /** The levels an area may be designated with. */
  public List<RiskLevel> levels() {
    return levels;
  }

  /**
   * The level proposed on {@code day} for an area at {@code level} since {@code levelSince}, last new
   * infection {@code lastNewCase} (null: none since designation); empty when it stays.
   */
  public Optional<RiskLevel> proposal(RiskLevel level, boolean cameFromHigh, LocalDate levelSince,
      LocalDate lastNewCase, LocalDate day) {
    LocalDate anchor = lastNewCase != null && lastNewCase.isAfter(levelSince) ? lastNewCase : levelSince;
    long quietDays = ChronoUnit.DAYS.between(anchor, day);
    return switch (this) {
      case EDITION_9 -> switch (level) {
        case HIGH -> quietDays >= 7 ? Optional.of(RiskLevel.MEDIUM) : Optional.empty();
        case MEDIUM -> quietDays >= (cameFromHigh ? 3 : 7) ? Optional.of(RiskLevel.LOW) : Optional.empty();
        case LOW -> Optional.empty();
      };
      case TWENTY_MEASURES -> switch (level) {
        case HIGH -> quietDays >= 5 ? Optional.of(RiskLevel.LOW) : Optional.empty();
        case MEDIUM -> Optional.of(RiskLevel.LOW);
        case LOW -> Optional.empty();
      };
    };
  }
}
