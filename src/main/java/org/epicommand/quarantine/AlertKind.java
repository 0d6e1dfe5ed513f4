package org.epicommand.quarantine;

/** What needs a worker's attention about a person under control (docs/domain.md §6). */
public enum AlertKind {
  /** No health check by the end of a half-day. */
  MISSED_CHECK,
  /** Temperature ≥ 37.3 °C. */
  FEVER,
  /** Any symptom reported. */
  SYMPTOMS,
  /** A door sensor opened without a declared opening. */
  DOOR_OPENED,
  /** A door sensor sent nothing for 30 minutes. */
  SENSOR_SILENT,
  /** Awaiting transfer for more than 12 hours. */
  AWAITING_TRANSFER,
  /** Still awaiting transfer 5 days after the last exposure. */
  AWAITING_TRANSFER_LONG,
  /** Not checked in at the destination of a transfer. */
  MISSING_AT_CHECK_IN,
  /** A test of the order came back positive. */
  POSITIVE_RESULT
}
