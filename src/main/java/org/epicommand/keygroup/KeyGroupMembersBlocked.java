package org.epicommand.keygroup;

import java.util.List;

/**
 * Members of key groups at an organisation were newly blocked from duty (no negative within their group's blocking
 * days): the organisation's credit code and the members' names, each member told once per block; {@code members}
 * names each one's person and the blocking days of their group. Told as part of {@link KeyGroupBlocksChanged}.
 */
public record KeyGroupMembersBlocked(String organisationCode, List<String> names, List<BlockedMember> members) {

  /** One member blocked: the person of the registry, their name, the group and its blocking days (null: none). */
  public record BlockedMember(String personId, String name, String groupCode, Integer blocksDays) {}

  public KeyGroupMembersBlocked {
    names = List.copyOf(names);
    members = members == null ? List.of() : List.copyOf(members);
  }

  public KeyGroupMembersBlocked(String organisationCode, List<String> names) {
    this(organisationCode, names, List.of());
  }
}
