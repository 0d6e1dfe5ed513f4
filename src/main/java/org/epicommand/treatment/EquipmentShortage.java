package org.epicommand.treatment;

/**
 * A shortage of equipment in an ACTIVE hospital: {@code HIGH_USE} when the in-use share of a type reaches the
 * alert share, {@code NONE_FREE} when none of a type is free, {@code BELOW_ICU} when the hospital has fewer
 * ventilators than ICU beds in service ({@code needed} is then the ICU beds).
 */
public record EquipmentShortage(String hospitalCode, String hospitalName, EquipmentType type, Reason reason,
    int total, int inUse, int needed) {

  /** Why the type is short. */
  public enum Reason {
    HIGH_USE, NONE_FREE, BELOW_ICU
  }
}
