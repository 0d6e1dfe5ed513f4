package org.epicommand.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.supervision.SupervisionFixtures.COMMUNITY;

import java.util.ArrayList;
import java.util.List;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 四不两直: a planned visit does not exist for the target unit — not in its lists, pages or answers,
 * and a direct request by id is a 404 — until the inspectors start it.
 */
@EpiCommandTest
class UnannouncedVisitTest {

  @Autowired
  Api api;

  @Test
  void theTargetUnitCannotSeeAPlannedVisitByApiOrPageUntilItStarts() {
    String theme = "暗访-" + System.nanoTime();
    var plan = SupervisionFixtures.plan(api, theme, COMMUNITY);
    String visit = plan.get("visits").get(0).get("id").asString();
    assertThat(plan.get("visits").get(0).get("state").asString()).isEqualTo("PLANNED");
    assertThat(api.as("inspector").get("/api/v1/inspections/visits/" + visit).status()).isEqualTo(200);
    assertThat(visitIds("inspector")).contains(visit);

    for (String unitUser : List.of("community", "district")) {
      assertThat(api.as(unitUser).get("/api/v1/inspections/visits/" + visit).status()).as(unitUser).isEqualTo(404);
      assertThat(api.as(unitUser).get("/api/v1/inspections/visits/" + visit).body()).doesNotContain(theme);
      assertThat(visitIds(unitUser)).as(unitUser).doesNotContain(visit);
      assertThat(api.as(unitUser).get("/api/v1/inspections/visits?state=PLANNED&size=500").json().get("items")
          .size()).as("no planned visit at all for " + unitUser).isZero();
      assertThat(api.as(unitUser).get("/api/v1/inspections/plans/" + plan.get("id").asString()).status())
          .isEqualTo(403);
      // the pages: the visit's own page is the 404 page, the list does not mention it
      Api.Answer page = api.as(unitUser).get("/supervision/visits/" + visit);
      assertThat(page.status()).as(unitUser + " page").isEqualTo(404);
      assertThat(page.body()).doesNotContain(theme);
      Api.Answer list = api.as(unitUser).get("/supervision/visits");
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.body()).doesNotContain(visit).doesNotContain(theme);
    }
    assertThat(api.as("inspector").get("/supervision/visits/" + visit).body()).contains(theme);

    assertThat(api.as("inspector").post("/api/v1/inspections/visits/" + visit + "/start", "").status())
        .isEqualTo(200);
    assertThat(api.as("community").get("/api/v1/inspections/visits/" + visit).json().get("state").asString())
        .isEqualTo("IN_PROGRESS");
    assertThat(visitIds("community")).contains(visit);
    assertThat(api.as("community").get("/supervision/visits").body()).contains(visit).contains(theme);
    assertThat(api.as("community").get("/supervision/visits/" + visit).status()).isEqualTo(200);
  }

  private List<String> visitIds(String user) {
    Api.Answer answer = api.as(user).get("/api/v1/inspections/visits?size=500");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    answer.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
    return ids;
  }
}
