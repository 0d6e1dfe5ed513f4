package org.epicommand.keygroup;

import java.util.List;

/**
 * Members of key groups at an organisation who had been blocked from duty are no longer blocked (a negative came,
 * or the schedule changed): the organisation's credit code and the persons of the registry. Told as part of
 * {@link KeyGroupBlocksChanged}.
 */
public record KeyGroupMembersUnblocked(String organisationCode, List<String> personIds) {

  public KeyGroupMembersUnblocked {
    personIds = List.copyOf(personIds);
  }
}
