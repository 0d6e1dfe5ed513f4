package org.epicommand.labtest;

import java.util.Collection;
import java.util.List;

/**
 * Which persons must be tested in single tubes (their groups' rule, e.g. cold-chain workers): provided by the module
 * that keeps such groups (key groups), asked by the {@code tubes} import, which warns about such a member found in a
 * pool and publishes {@link SingleTubeMembersPooled}. Set-based: one question per batch of the import.
 */
public interface SingleTubeGroups {

  /**
   * Whether any group requires (or required) single tubes at all; asked first, so that the check costs nothing
   * otherwise.
   */
  boolean anyRequired();

  /**
   * The open memberships of these persons (ids in text form) in groups that require single tubes, each for the days
   * on which it holds under an edition of the group requiring them (a membership may answer once per such stretch):
   * a tube is judged by the rule in force on its sampling day.
   */
  List<SingleTubeMembership> memberships(Collection<String> personIds);
}
