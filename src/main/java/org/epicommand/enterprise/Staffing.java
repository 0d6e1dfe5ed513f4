package org.epicommand.enterprise;

/**
 * An organisation's ledger in figures: staff, staff on duty, of those the cleared (not under an open
 * quarantine order), and the cleared share of the staff on duty (null while nobody is on duty).
 */
public record Staffing(int staff, int onDuty, int clearedOnDuty, Double clearedShare) {

  public static Staffing of(int staff, int onDuty, int clearedOnDuty) {
    return new Staffing(staff, onDuty, clearedOnDuty,
        onDuty == 0 ? null : Math.round(clearedOnDuty * 10_000.0 / onDuty) / 10_000.0);
  }
}
