package org.epicommand.tracing;

/** Where an infection passed (docs/domain.md §5: family, workplace, school, venue …). */
public enum TransmissionSetting {
  HOUSEHOLD, WORKPLACE, SCHOOL, VENUE, MEAL, VEHICLE, HEALTHCARE, COMMUNITY, TRAVEL, OTHER
}
