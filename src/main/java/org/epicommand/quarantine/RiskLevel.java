package org.epicommand.quarantine;

/**
 * Risk levels of an area (docs/domain.md §8). Which of them exist is a field of the rule set in force
 * ({@link RuleSet#riskLevels()}): ed. 9 knows all three, the 20 and 10 measures only HIGH and LOW.
 */
public enum RiskLevel {
  HIGH, MEDIUM, LOW
}
