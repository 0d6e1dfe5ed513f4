package org.epicommand.sentinel;

/** A clinic sentinel: a hospital's fever clinic (every patient sampled), a village clinic, an individual clinic. */
public enum ClinicType {
  FEVER_CLINIC, VILLAGE_CLINIC, INDIVIDUAL_CLINIC
}
