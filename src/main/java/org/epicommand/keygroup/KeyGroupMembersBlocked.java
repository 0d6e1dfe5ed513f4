package org.epicommand.keygroup;

import java.util.List;

/**
 * Members of key groups at an organisation were newly blocked from duty (no negative within their group's blocking
 * days): the organisation's credit code and the members' names, each member told once per block.
 */
public record KeyGroupMembersBlocked(String organisationCode, List<String> names) {

  public KeyGroupMembersBlocked {
    names = List.copyOf(names);
  }
}
