package org.epicommand.keygroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.labtest.LabtestFixtures;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.shared.Paging;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The overdue list (应检未检) in its order — never sampled first, then the longest overdue, then the id — page after
 * page, and served by an index in that order: the plan of the real statement on the real database has no sort for
 * the city (district by district, from the same index), a district, a community inside it and a later page.
 */
@EpiCommandTest
class OverdueListOrderTest {

  @Autowired
  Api api;

  @Autowired
  MemberSchedules schedules;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TransactionTemplate transactions;

  @Test
  void pagesFollowNeverSampledThenLongestOverdueThenId() {
    String code = "OD" + KeyGroupApiTest.tag();
    assertThat(api.as("cdc").post("/api/v1/key-groups", Map.of("code", code, "name", "排序人群" + code,
        "schedule", Map.of("everyDays", 3))).status()).isEqualTo(201);
    String org = OrganisationFixtures.register(api, "排序冷库" + code, "WAREHOUSE", OrganisationFixtures.COMMUNITY,
        null).json().get("creditCode").asString();
    List<String> ids = new ArrayList<>();
    for (LabtestFixtures.Member m : LabtestFixtures.persons(api, 7, OrganisationFixtures.COMMUNITY)) {
      Api.Answer added = api.as("district").post("/api/v1/key-groups/" + code + "/members",
          Map.of("personId", m.personId(), "organisation", org));
      assertThat(added.status()).as(added.body()).isEqualTo(201);
      ids.add(added.json().get("id").asString());
    }
    // derived columns set as the schedule statements would: two never sampled, four overdue (two on one day), one
    // up to date (not listed)
    LocalDate today = LocalDate.now(KeyGroupApiTest.ZONE);
    state(ids.get(0), "OVERDUE", today.minusDays(2));
    state(ids.get(1), "OVERDUE", today.minusDays(9));
    state(ids.get(2), "BLOCKED_FROM_DUTY", today.minusDays(2));
    state(ids.get(3), "UP_TO_DATE", today.plusDays(2));
    state(ids.get(4), "OVERDUE", today.minusDays(5));
    state(ids.get(5), "NEVER_TESTED", null);
    state(ids.get(6), "NEVER_TESTED", null);
    List<String> expected = new ArrayList<>(List.of(ids.get(5), ids.get(6)));
    expected.sort(Comparator.naturalOrder());
    expected.add(ids.get(1));
    expected.add(ids.get(4));
    expected.addAll(ids.get(0).compareTo(ids.get(2)) < 0 ? List.of(ids.get(0), ids.get(2))
        : List.of(ids.get(2), ids.get(0)));

    List<String> paged = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      JsonNode answer = api.as("district").get("/api/v1/key-groups/overdue?jurisdiction=990101&group=" + code
          + "&size=2&page=" + page).json();
      answer.get("items").valueStream().forEach(i -> paged.add(i.get("id").asString()));
      assertThat(answer.get("hasMore").asBoolean()).isEqualTo(page < 2);
    }
    assertThat(paged).containsExactlyElementsOf(expected);
    JsonNode community = api.as("district").get("/api/v1/key-groups/overdue?jurisdiction="
        + OrganisationFixtures.COMMUNITY + "&group=" + code + "&size=50").json();
    assertThat(community.get("items").valueStream().map(i -> i.get("id").asString()).toList())
        .containsExactlyElementsOf(expected);
    JsonNode blocked = api.as("district").get("/api/v1/key-groups/overdue?group=" + code
        + "&state=BLOCKED_FROM_DUTY&state=UP_TO_DATE").json();
    assertThat(blocked.get("items").valueStream().map(i -> i.get("id").asString()).toList())
        .containsExactly(ids.get(2), ids.get(3));
  }

  @Test
  void theListIsAnIndexRangeInItsOwnOrder() {
    String city = path("990100");
    String district = path("990101");
    String community = path(OrganisationFixtures.COMMUNITY);
    assertThat(plan(new JurisdictionScope("990100", city), Paging.of(0, 50)))
        .contains("keygroup_action_needing_district").doesNotContain("Sort");
    assertThat(plan(new JurisdictionScope("990101", district), Paging.of(0, 50)))
        .contains("keygroup_action_needing_district").doesNotContain("Sort");
    assertThat(plan(new JurisdictionScope("990101", district), Paging.of(40, 50)))
        .contains("keygroup_action_needing_district").doesNotContain("Sort");
    assertThat(plan(new JurisdictionScope(OrganisationFixtures.COMMUNITY, community), Paging.of(0, 50)))
        .contains("keygroup_action_needing_district").doesNotContain("Sort");
  }

  /**
   * The plan of the list's statement when the planner may neither read the whole table nor sort (the tables are too
   * small here to care: a sort of a few rows costs nothing, while at a city's size it is a sort of a district's
   * members): what it then reads is the index that gives the list's order, when one does.
   */
  private String plan(JurisdictionScope scope, Paging paging) {
    return transactions.execute(tx -> {
      jdbc.sql("set local enable_seqscan = off").update();
      jdbc.sql("set local enable_bitmapscan = off").update();
      jdbc.sql("set local enable_sort = off").update();
      List<String> lines = schedules.statement("explain ", scope, null, null, Set.of(), paging)
          .query(String.class).list();
      return String.join("\n", lines);
    });
  }

  private String path(String code) {
    return jdbc.sql("select path from jurisdiction where code = :code").param("code", code).query(String.class)
        .single();
  }

  private void state(String id, String state, LocalDate nextDue) {
    jdbc.sql("update keygroup_member set state = :state, next_due = :due where id = :id")
        .param("state", state).param("due", nextDue).param("id", java.util.UUID.fromString(id)).update();
    schedules.sync(List.of(java.util.UUID.fromString(id)));
  }
}
