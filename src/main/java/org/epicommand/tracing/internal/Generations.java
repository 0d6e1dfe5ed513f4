package org.epicommand.tracing.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Generations in a chain and the cycle check, on the chain's links in memory (a chain is read in
 * one indexed query). Generation 1 = no infector; otherwise 1 + the highest generation among the
 * infectors (longest path from an index case).
 */
public final class Generations {

  /** One link. */
  public record Edge(UUID infector, UUID infectee) {}

  private Generations() {}

  /** Kahn's topological order over the links; cases without links are generation 1. */
  public static Map<UUID, Integer> of(Collection<UUID> cases, List<Edge> edges) {
    Map<UUID, List<UUID>> out = new HashMap<>();
    Map<UUID, Integer> indegree = new HashMap<>();
    Map<UUID, Integer> generation = new HashMap<>();
    for (UUID c : cases) {
      indegree.put(c, 0);
      generation.put(c, 1);
    }
    for (Edge e : edges) {
      out.computeIfAbsent(e.infector(), k -> new ArrayList<>()).add(e.infectee());
      indegree.merge(e.infectee(), 1, Integer::sum);
      indegree.putIfAbsent(e.infector(), 0);
      generation.putIfAbsent(e.infector(), 1);
      generation.putIfAbsent(e.infectee(), 1);
    }
    Deque<UUID> ready = new ArrayDeque<>();
    indegree.forEach((c, d) -> {
      if (d == 0) {
        ready.add(c);
      }
    });
    while (!ready.isEmpty()) {
      UUID c = ready.poll();
      int next = generation.get(c) + 1;
      for (UUID infectee : out.getOrDefault(c, List.of())) {
        if (generation.get(infectee) < next) {
          generation.put(infectee, next);
        }
        if (indegree.merge(infectee, -1, Integer::sum) == 0) {
          ready.add(infectee);
        }
      }
    }
    return generation;
  }

  /** Whether {@code target} can be reached from {@code start} along the links (infector → infectee). */
  public static boolean reaches(UUID start, UUID target, List<Edge> edges) {
    Map<UUID, List<UUID>> out = new HashMap<>();
    for (Edge e : edges) {
      out.computeIfAbsent(e.infector(), k -> new ArrayList<>()).add(e.infectee());
    }
    Deque<UUID> todo = new ArrayDeque<>(List.of(start));
    Set<UUID> seen = new java.util.HashSet<>(todo);
    while (!todo.isEmpty()) {
      UUID c = todo.poll();
      if (c.equals(target)) {
        return true;
      }
      for (UUID next : out.getOrDefault(c, List.of())) {
        if (seen.add(next)) {
          todo.add(next);
        }
      }
    }
    return false;
  }
}
