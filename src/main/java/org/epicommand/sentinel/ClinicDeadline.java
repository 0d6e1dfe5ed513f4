package org.epicommand.sentinel;

/**
 * The deadline a clinic visit is waiting on: sampled or reported to the township health centre
 * ({@code SAMPLE_OR_REPORT}, "村报告、乡采样"), or the result of the tube ({@code RESULT}).
 */
public enum ClinicDeadline {
  SAMPLE_OR_REPORT, RESULT
}
