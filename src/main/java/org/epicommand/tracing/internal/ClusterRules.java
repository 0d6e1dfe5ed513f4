package org.epicommand.tracing.internal;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.tracing.Cluster;

/**
 * The cluster rules on the members of one chain: every case that lies in some window of
 * {@code windowDays} consecutive days holding at least {@code threshold} of the chain's cases.
 */
public final class ClusterRules {

  private ClusterRules() {}

  /** The cases of qualifying windows, by date; empty when no window qualifies. */
  public static List<ChainStore.Member> inDenseWindows(List<ChainStore.Member> members, int threshold,
      int windowDays) {
    List<ChainStore.Member> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparing(ChainStore.Member::clusterDate).thenComparing(ChainStore.Member::caseId));
    boolean[] marked = new boolean[sorted.size()];
    int j = 0;
    for (int i = 0; i < sorted.size(); i++) {
      j = Math.max(j, i);
      while (j + 1 < sorted.size()
          && ChronoUnit.DAYS.between(sorted.get(i).clusterDate(), sorted.get(j + 1).clusterDate()) < windowDays) {
        j++;
      }
      if (j - i + 1 >= threshold) {
        for (int k = i; k <= j; k++) {
          marked[k] = true;
        }
      }
    }
    List<ChainStore.Member> result = new ArrayList<>();
    for (int k = 0; k < sorted.size(); k++) {
      if (marked[k]) {
        result.add(sorted.get(k));
      }
    }
    return result;
  }

  /** The linked and family clusters of one chain's members. */
  public static List<Cluster> ofChain(List<ChainStore.Member> members, TracingProperties rules) {
    List<Cluster> clusters = new ArrayList<>();
    List<ChainStore.Member> linked = inDenseWindows(members, rules.clusterThreshold(), rules.clusterWindowDays());
    if (!linked.isEmpty()) {
      clusters.add(cluster(Cluster.Kind.LINKED, linked.get(0).label(), linked));
    }
    Map<UUID, List<ChainStore.Member>> households = new LinkedHashMap<>();
    members.stream().filter(m -> m.householdId() != null)
        .forEach(m -> households.computeIfAbsent(m.householdId(), h -> new ArrayList<>()).add(m));
    for (List<ChainStore.Member> household : households.values()) {
      List<ChainStore.Member> family = inDenseWindows(household, rules.familyThreshold(), rules.clusterWindowDays());
      if (!family.isEmpty()) {
        clusters.add(cluster(Cluster.Kind.FAMILY, family.get(0).label(), family));
      }
    }
    return clusters;
  }

  static Cluster cluster(Cluster.Kind kind, String name, List<ChainStore.Member> members) {
    List<ChainStore.Member> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparing(ChainStore.Member::clusterDate).thenComparing(ChainStore.Member::caseId));
    return new Cluster(kind, name, kind == Cluster.Kind.NAMED ? null : sorted.get(0).chainId().toString(),
        sorted.size(), sorted.get(0).clusterDate(), sorted.get(sorted.size() - 1).clusterDate(),
        sorted.stream().map(m -> m.caseId().toString()).toList());
  }
}
