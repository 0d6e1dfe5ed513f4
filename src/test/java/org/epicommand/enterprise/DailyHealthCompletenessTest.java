package org.epicommand.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The daily health report (晨午检) and who has not filed it: ZERO, SUBMITTED and LATE by the time of filing,
 * MISSING without one, one report a day (409 naming it), the fields checked (400), another organisation's
 * reports not found (404); the list of organisations without the day's report for 属地 and the sector, its
 * count on the board and on the home card.
 */
@EpiCommandTest
class DailyHealthCompletenessTest {

  @Autowired
  Api api;
  /** The platform's clock: its day (the city's zone) is not the test machine's near midnight. */
  @Autowired
  Clock clock;

  @Test
  void reportsAreZeroSubmittedOrLateAndBadOnesAreRefusedByField() {
    ReopeningFixtures.Org firm = ReopeningFixtures.organisation(api, "报晨检的公司", "ENTERPRISE", null);
    ReopeningFixtures.Org other = ReopeningFixtures.organisation(api, "别家晨检", "ENTERPRISE", null);
    LocalDate today = LocalDate.now(clock);
    String reports = "/api/v1/organisations/" + firm.id() + "/daily-health";

    Api.Answer zero = firm.asContact().post(reports, report(today, 12, 0, true));
    assertThat(zero.status()).as(zero.body()).isEqualTo(201);
    assertThat(zero.json().get("status").asString()).isEqualTo("ZERO");
    Api.Answer twice = firm.asContact().post(reports, report(today, 12, 0, false));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("existingId").asString()).isEqualTo(firm.id() + "/" + today);
    Api.Answer late = firm.asContact().post(reports, report(today.minusDays(3), 10, 1, false));
    assertThat(late.status()).as(late.body()).isEqualTo(201);
    assertThat(late.json().get("status").asString()).as("filed after the next day's deadline").isEqualTo("LATE");
    assertThat(late.json().get("fever").asInt()).isEqualTo(1);

    assertThat(field(firm.asContact().post(reports, report(today.plusDays(1), 1, 0, false)))).isEqualTo("date");
    assertThat(field(firm.asContact().post(reports, report(today.minusDays(1), -1, 0, false)))).isEqualTo("present");
    assertThat(field(firm.asContact().post(reports, report(today.minusDays(2), 5, 2, true)))).isEqualTo("zero");
    assertThat(field(firm.asContact().post(reports, report(null, 5, 0, false)))).isEqualTo("date");

    JsonNode listed = firm.asContact().get(reports + "?from=" + today.minusDays(7) + "&to=" + today).json();
    assertThat(listed.size()).isEqualTo(2);
    assertThat(listed.get(0).get("day").asString()).isEqualTo(today.toString());
    assertThat(firm.asContact().get("/api/v1/organisations/" + other.id() + "/daily-health").status())
        .as("another organisation's reports").isEqualTo(404);
    assertThat(firm.asContact().post("/api/v1/organisations/" + other.id() + "/daily-health",
        report(today, 1, 0, true)).status()).isEqualTo(404);
  }

  @Test
  void theOrganisationsWithoutTheDaysReportAreListedForTheirDivisionAndSectorAndCountedOnTheBoard() {
    ReopeningFixtures.Org filed = ReopeningFixtures.organisation(api, "已报晨检的景区", "SCENIC_SPOT", null);
    ReopeningFixtures.Org silent = ReopeningFixtures.organisation(api, "未报晨检的景区", "SCENIC_SPOT", null);
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> withVisitors = report(today, 8, 0, true);
    withVisitors.put("visitors", 120);
    assertThat(filed.asContact().post("/api/v1/organisations/" + filed.id() + "/daily-health", withVisitors)
        .status()).isEqualTo(201);

    String query = "/api/v1/organisations/daily-health/completeness?date=" + today + "&sector=CULTURE_TOURISM"
        + "&jurisdiction=" + OrganisationFixtures.COMMUNITY + "&size=500";
    assertThat(status(api.as("district"), query, silent.id())).isEqualTo("MISSING");
    assertThat(status(api.as("district"), query, filed.id())).isEqualTo("ZERO");
    assertThat(status(api.as("district"), query + "&status=MISSING", filed.id())).isNull();
    assertThat(status(api.as("district"), query.replace("CULTURE_TOURISM", "INDUSTRY"), silent.id()))
        .as("another sector").isNull();
    JsonNode own = silent.asContact().get("/api/v1/organisations/daily-health/completeness").json();
    assertThat(own.get("counts").get("MISSING").asLong()).as("a contact counts their own organisation").isOne();
    assertThat(own.get("items").size()).isOne();

    // the page, for the division: defaults to today's missing ones; counts as the API
    WebSession district = WebSession.login(api, "district");
    String page = "/enterprise/daily-health?sector=CULTURE_TOURISM&jurisdiction=" + OrganisationFixtures.COMMUNITY;
    WebSession.Page missing = district.get(page);
    assertThat(missing.status()).isEqualTo(200);
    long missingCount = api.as("district").get(query).json().get("counts").get("MISSING").asLong();
    assertThat(missing.body()).contains("晨午检报送情况").contains("未报 " + missingCount)
        .doesNotContain("data-organisation=\"" + filed.id() + "\"");
    WebSession.Page zeros = district.get(page + "&status=ZERO");
    assertThat(zeros.body()).contains("data-organisation=\"" + filed.id() + "\"").contains("已报晨检的景区")
        .doesNotContain("data-organisation=\"" + silent.id() + "\"");
    assertThat(district.get(page + "&status=nonsense").status()).as("an unknown status shows every one")
        .isEqualTo(200);
    assertThat(district.get("/enterprise/board").body()).contains("data-testid=\"kpi-health-missing\"")
        .contains("/enterprise/daily-health?status=MISSING");

    // the contact of the silent one: their own organisation only, on the page and on the home card
    WebSession contact = WebSession.login(api, silent.contact(), OrganisationFixtures.CONTACT_PASSWORD);
    WebSession.Page ownPage = contact.get("/enterprise/daily-health");
    assertThat(ownPage.body()).contains("data-organisation=\"" + silent.id() + "\"").contains("未报晨检的景区")
        .doesNotContain("已报晨检的景区");
    assertThat(contact.get("/enterprise/widget").body()).contains("今日晨午检未报单位")
        .contains("/enterprise/daily-health?status=MISSING");
    WebSession filedContact = WebSession.login(api, filed.contact(), OrganisationFixtures.CONTACT_PASSWORD);
    assertThat(filedContact.get("/enterprise/daily-health").body()).contains("当日所有单位均已报送");
  }

  private static Map<String, Object> report(LocalDate day, int present, int fever, boolean zero) {
    Map<String, Object> body = new HashMap<>();
    body.put("date", day == null ? null : day.toString());
    body.put("present", present);
    body.put("fever", fever);
    body.put("zero", zero);
    return body;
  }

  private static String field(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    return answer.json().get("errors").get(0).get("field").asString();
  }

  /** The organisation's status in the completeness list (its first 500), or null when not listed. */
  private static String status(Api.Caller caller, String query, String organisationId) {
    Api.Answer answer = caller.get(query);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    for (JsonNode row : answer.json().get("items")) {
      if (row.get("organisationId").asString().equals(organisationId)) {
        return row.get("status").asString();
      }
    }
    return null;
  }
}
