package org.epicommand.treatment;

import org.epicommand.cases.Severity;

/**
 * The suggested placement ("四个集中", 诊疗方案 ed. 9): severe and critical cases to a designated hospital
 * in an ICU bed, moderate ones to a designated hospital, mild and asymptomatic ones (no severity yet) to a
 * shelter hospital. A different placement needs a reason; it is never forbidden.
 */
public record Placement(HospitalKind kind, BedType bedType) {

  public static Placement suggestedFor(Severity severity) {
    if (severity == null || severity == Severity.MILD) {
      return new Placement(HospitalKind.SHELTER, BedType.SHELTER_BED);
    }
    return new Placement(HospitalKind.DESIGNATED, severity.needsExpertTeam() ? BedType.ICU : BedType.GENERAL);
  }

  /** Whether a hospital of {@code kind} and a bed of {@code type} follow this suggestion. */
  public boolean followedBy(HospitalKind hospital, BedType type) {
    boolean kindFits = kind.designated() ? hospital.designated() : hospital == kind;
    return kindFits && (bedType != BedType.ICU || type == BedType.ICU);
  }
}
