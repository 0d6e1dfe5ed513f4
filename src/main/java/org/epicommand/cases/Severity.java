package org.epicommand.cases;

/** Clinical type of a confirmed case (诊疗方案 ed. 9): 轻型, 普通型, 重型, 危重型. */
public enum Severity {
  MILD, MODERATE, SEVERE, CRITICAL;

  /** Severe and critical patients get a named expert team (一人一专班). */
  public boolean needsExpertTeam() {
    return this == SEVERE || this == CRITICAL;
  }
}
