package org.epicommand.treatment;

import java.util.List;

/** An expert team (专家组) of a division: its members are named experts, not persons of the registry. */
public record ExpertTeam(String id, String name, String jurisdictionCode, List<Member> members) {

  /** A member: name, speciality, the hospital they work at, phone. */
  public record Member(String name, String speciality, String hospital, String phone) {}
}
