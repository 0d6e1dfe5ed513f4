package org.epicommand.treatment;

/** Kinds of medical staff sent to a hospital (医生、护士、医技、院感、其他). */
public enum StaffKind {
  DOCTOR, NURSE, TECHNICIAN, INFECTION_CONTROL, OTHER
}
