package org.epicommand.labtest.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.epicommand.imports.ImportBatch;
import org.epicommand.labtest.SingleTubeGroups;
import org.epicommand.labtest.SingleTubeMembersPooled;
import org.epicommand.labtest.SingleTubeMembership;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The {@code tubes} import's word about members of groups that require single tubes (e.g. cold-chain workers)
 * found in a pool: such a row is stored (the tube is valid) with a warning naming the groups, and the batch
 * publishes {@link SingleTubeMembersPooled} (the groups' module marks the members' organisations). The memberships
 * of a batch's pooled members are asked for once, ahead of the batch's transaction, and only when some group
 * requires single tubes at all; the rows stored already are told again, so a re-import warns the same.
 */
@Component
class PooledSingleTubeMembers {

  private final List<SingleTubeGroups> groups;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PooledSingleTubeMembers(List<SingleTubeGroups> groups, ApplicationEventPublisher events, Clock clock) {
    this.groups = groups;
    this.events = events;
    this.clock = clock;
  }

  /** The single-tube memberships of the batch's pooled members, by person; empty when no group asks for it. */
  Map<String, List<SingleTubeMembership>> lookUp(List<TubeImport.Member> members) {
    Set<String> pooled = new HashSet<>();
    for (TubeImport.Member m : members) {
      if (m.kind.capacity() > 1) {
        pooled.add(m.personId);
      }
    }
    if (pooled.isEmpty()) {
      return Map.of();
    }
    Map<String, List<SingleTubeMembership>> found = new HashMap<>();
    for (SingleTubeGroups g : groups) {
      if (g.anyRequired()) {
        g.memberships(pooled).forEach(s -> found.computeIfAbsent(s.personId(), p -> new ArrayList<>()).add(s));
      }
    }
    return found;
  }

  /** Warns about the accepted pooled rows of such members and tells of them (in the batch's transaction). */
  void warn(List<TubeImport.Member> accepted, Map<String, List<SingleTubeMembership>> memberships,
      ImportBatch batch) {
    if (memberships.isEmpty()) {
      return;
    }
    List<SingleTubeMembersPooled.Pooled> told = new ArrayList<>();
    for (TubeImport.Member m : accepted) {
      List<SingleTubeMembership> of = memberships.get(m.personId);
      if (of == null || m.kind.capacity() <= 1) {
        continue;
      }
      LocalDate day = LocalDate.ofInstant(m.collectedAt, clock.getZone());
      List<SingleTubeMembership> held = of.stream().filter(s -> s.covers(day)).toList();
      if (held.isEmpty()) {
        continue;
      }
      batch.warn(m.row, "memberIdNumber", "labtest.singleTubePooled",
          held.stream().map(SingleTubeMembership::groupName).distinct().collect(Collectors.joining("、")),
          m.barcode);
      held.forEach(s -> told.add(new SingleTubeMembersPooled.Pooled(m.personId, s.groupCode(), m.barcode,
          m.collectedAt)));
    }
    if (!told.isEmpty()) {
      events.publishEvent(new SingleTubeMembersPooled(told));
    }
  }
}
