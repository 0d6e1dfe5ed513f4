package org.epicommand.treatment;

/** Equipment of one type in a hospital: on hand, in use and what is free. */
public record EquipmentLine(EquipmentType type, int total, int inUse) {

  public int free() {
    return Math.max(0, total - inUse);
  }

  /** In-use share, 0–100. */
  public int percent() {
    return total <= 0 ? 0 : (int) Math.round(100.0 * inUse / total);
  }
}
