package org.epicommand.keygroup;

import java.util.List;

/**
 * The blocks from duty one schedule statement began and lifted (a batch of results, the sweep, an edition or
 * membership changing), told once for all of them: per organisation, the members newly blocked ({@code blocked}) and
 * those whose told block lifted ({@code unblocked}). A listener handles the lifted ones first. One event for the
 * statement rather than one per organisation: the first results of a city's rosters block members at thousands of
 * organisations at once.
 */
public record KeyGroupBlocksChanged(List<KeyGroupMembersBlocked> blocked, List<KeyGroupMembersUnblocked> unblocked) {

  public KeyGroupBlocksChanged {
    blocked = blocked == null ? List.of() : List.copyOf(blocked);
    unblocked = unblocked == null ? List.of() : List.copyOf(unblocked);
  }

  /** The members newly blocked at one organisation, told alone. */
  public static KeyGroupBlocksChanged of(KeyGroupMembersBlocked blocked) {
    return new KeyGroupBlocksChanged(List.of(blocked), List.of());
  }
}
