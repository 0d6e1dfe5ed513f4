package org.epicommand.tracing.internal;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.epicommand.tracing.Cluster;
import org.epicommand.tracing.TransmissionSetting;

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

  /** The linked and family clusters of one chain's members (no transmission settings known). */
  public static List<Cluster> ofChain(List<ChainStore.Member> members, TracingProperties rules) {
    return ofChain(members, rules, Map.of());
  }

  /**
   * The linked and family clusters of one chain's members; {@code settings} gives the setting of the
   * transmission to each infectee, where one was recorded.
   */
  public static List<Cluster> ofChain(List<ChainStore.Member> members, TracingProperties rules,
      Map<UUID, TransmissionSetting> settings) {
    List<Cluster> clusters = new ArrayList<>();
    List<ChainStore.Member> linked = inDenseWindows(members, rules.clusterThreshold(), rules.clusterWindowDays());
    if (!linked.isEmpty()) {
      clusters.add(cluster(Cluster.Kind.LINKED, null, linked, mostCommon(linked, settings)));
    }
    Map<UUID, List<ChainStore.Member>> households = new LinkedHashMap<>();
    members.stream().filter(m -> m.householdId() != null)
        .forEach(m -> households.computeIfAbsent(m.householdId(), h -> new ArrayList<>()).add(m));
    for (List<ChainStore.Member> household : households.values()) {
      List<ChainStore.Member> family = inDenseWindows(household, rules.familyThreshold(), rules.clusterWindowDays());
      if (!family.isEmpty()) {
        clusters.add(cluster(Cluster.Kind.FAMILY, null, family, TransmissionSetting.HOUSEHOLD));
      }
    }
    return clusters;
  }

  /** A cluster of {@code members}, by date; its place is where most of them live. */
  public static Cluster cluster(Cluster.Kind kind, String name, List<ChainStore.Member> members,
      TransmissionSetting setting) {
    List<ChainStore.Member> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparing(ChainStore.Member::clusterDate).thenComparing(ChainStore.Member::caseId));
    String place = sorted.stream().map(ClusterRules::division)
        .collect(Collectors.groupingBy(code -> code, LinkedHashMap::new, Collectors.counting()))
        .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    return new Cluster(kind, name, kind == Cluster.Kind.NAMED ? null : sorted.get(0).chainId().toString(),
        sorted.size(), sorted.get(0).clusterDate(), sorted.get(sorted.size() - 1).clusterDate(),
        sorted.stream().map(m -> m.caseId().toString()).toList(), place, setting);
  }

  /** The setting most of the members were infected in, or null when none was recorded. */
  static TransmissionSetting mostCommon(List<ChainStore.Member> members, Map<UUID, TransmissionSetting> settings) {
    return members.stream().map(m -> settings.get(m.caseId())).filter(java.util.Objects::nonNull)
        .collect(Collectors.groupingBy(s -> s, LinkedHashMap::new, Collectors.counting()))
        .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
  }

  /** The division a member lives in: the last code of its path ({@code /990100/990101/…/990101001001/}). */
  static String division(ChainStore.Member member) {
    String[] codes = member.jurisdictionPath().split("/");
    return codes.length == 0 ? null : codes[codes.length - 1];
  }
}
