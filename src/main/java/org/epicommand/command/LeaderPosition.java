package org.epicommand.command;

/** A position in the leadership group: one 组长 at a time, any number of 副组长 and members (成员). */
public enum LeaderPosition {
  LEADER, DEPUTY, MEMBER
}
