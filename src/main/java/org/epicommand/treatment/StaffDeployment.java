package org.epicommand.treatment;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A deployment of medical staff as shown, with the names of the hospitals. */
public record StaffDeployment(String id, StaffKind staffKind, int headcount, String sourceHospitalCode,
    String sourceHospitalName, String sourceTeam, String targetHospitalCode, String targetHospitalName,
    LocalDate startsOn, LocalDate endsOn, DeploymentStatus status, String note, OffsetDateTime createdAt,
    OffsetDateTime deployedAt, OffsetDateTime returnedAt, OffsetDateTime cancelledAt) {

  /** Planning a deployment: the kind and number of staff, from a hospital or a named team, to a hospital. */
  public record New(StaffKind staffKind, Integer headcount, String sourceHospitalCode, String sourceTeam,
      String targetHospitalCode, LocalDate startsOn, LocalDate endsOn, String note) {}
}
