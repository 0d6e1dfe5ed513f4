package org.epicommand.treatment;

import org.epicommand.cases.CaseOutcome;

/** What a hospital is for: 定点, 亚定点, 方舱, 备用, 发热门诊医院, 综合医院. */
public enum HospitalKind {
  DESIGNATED, SUB_DESIGNATED, SHELTER, BACKUP, FEVER_CLINIC_HOSPITAL, GENERAL;

  /** The case outcome an admission here records: a shelter hospital or a (designated) hospital. */
  public CaseOutcome outcome() {
    return this == SHELTER ? CaseOutcome.SHELTER_HOSPITAL : CaseOutcome.DESIGNATED_HOSPITAL;
  }

  /** Designated and sub-designated hospitals treat moderate, severe and critical cases. */
  public boolean designated() {
    return this == DESIGNATED || this == SUB_DESIGNATED;
  }
}
