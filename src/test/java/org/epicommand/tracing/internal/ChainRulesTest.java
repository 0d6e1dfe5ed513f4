package org.epicommand.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.cases.Classification;
import org.epicommand.tracing.Cluster;
import org.junit.jupiter.api.Test;

class ChainRulesTest {

  static UUID id(int n) {
    return new UUID(0, n);
  }

  @Test
  void generationsAreTheLongestPathFromAnIndexCase() {
    List<Generations.Edge> edges = List.of(new Generations.Edge(id(1), id(2)), new Generations.Edge(id(2), id(3)),
        new Generations.Edge(id(1), id(3)), new Generations.Edge(id(4), id(3)));
    assertThat(Generations.of(List.of(id(1), id(2), id(3), id(4), id(5)), edges))
        .isEqualTo(Map.of(id(1), 1, id(2), 2, id(3), 3, id(4), 1, id(5), 1));
    assertThat(Generations.reaches(id(1), id(3), edges)).isTrue();
    assertThat(Generations.reaches(id(3), id(1), edges)).isFalse();
  }

  static ChainStore.Member member(int n, String onset, UUID household) {
    return new ChainStore.Member(id(n), id(100), "病例" + n, Classification.CONFIRMED,
        onset == null ? null : LocalDate.parse(onset), LocalDate.parse("2022-11-20"), household, "/99/", null);
  }

  @Test
  void fiveCasesWithinFourteenDaysAreAClusterButNotFiveSpreadOverFifteen() {
    TracingProperties rules = new TracingProperties(5, 14, 2, null, null);
    List<ChainStore.Member> spread = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      spread.add(member(i, LocalDate.parse("2022-11-01").plusDays(i * 3L + (i == 4 ? 3 : 0)).toString(), null));
    }
    // days 0, 3, 6, 9, 15: no 14-day window holds five
    assertThat(ClusterRules.ofChain(spread, rules)).isEmpty();
    spread.set(4, member(4, "2022-11-14", null));
    List<Cluster> clusters = ClusterRules.ofChain(spread, rules);
    assertThat(clusters).hasSize(1);
    assertThat(clusters.get(0).kind()).isEqualTo(Cluster.Kind.LINKED);
    assertThat(clusters.get(0).cases()).isEqualTo(5);
    assertThat(clusters.get(0).lastDate()).isEqualTo(LocalDate.parse("2022-11-14"));
  }

  @Test
  void twoLinkedCasesOfOneHouseholdAreAFamilyClusterAndAnUnknownOnsetCountsByItsReportDate() {
    UUID household = id(7);
    List<Cluster> clusters = ClusterRules.ofChain(List.of(member(1, "2022-11-10", household),
        member(2, null, household), member(3, "2022-11-10", null)), new TracingProperties(5, 14, 2, null, null));
    assertThat(clusters).hasSize(1);
    assertThat(clusters.get(0).kind()).isEqualTo(Cluster.Kind.FAMILY);
    assertThat(clusters.get(0).lastDate()).isEqualTo(LocalDate.parse("2022-11-20"));
  }
}
