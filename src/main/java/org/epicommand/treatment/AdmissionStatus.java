package org.epicommand.treatment;

/** ADMITTED → TRANSFERRED (a new admission elsewhere) | DISCHARGED | DIED. */
public enum AdmissionStatus {
  ADMITTED, TRANSFERRED, DISCHARGED, DIED
}
