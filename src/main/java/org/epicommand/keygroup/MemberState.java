package org.epicommand.keygroup;

/**
 * A member's schedule state today: sampled as the schedule asks, a sampling due (the due day has come),
 * overdue (the due day has ended, in the city's zone), never sampled, or no negative within the group's
 * blocking days (not to be on duty).
 */
public enum MemberState {
  UP_TO_DATE, DUE_TODAY, OVERDUE, NEVER_TESTED, BLOCKED_FROM_DUTY
}
