package org.epicommand.labtest;

import java.time.LocalDate;

/**
 * A person's membership of a group, from one day to another ({@code to} open), on which the group's edition in force
 * requires single tubes.
 */
public record SingleTubeMembership(String personId, String groupCode, String groupName, LocalDate from,
    LocalDate to) {

  /** Whether the membership holds on that day. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && (to == null || !day.isAfter(to));
  }
}
