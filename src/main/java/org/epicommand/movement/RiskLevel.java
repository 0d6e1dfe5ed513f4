package org.epicommand.movement;

/** Risk levels of an area (DOMAIN.md §8); which of them exist depends on the rule set in force. */
public enum RiskLevel {
  HIGH, MEDIUM, LOW
}
