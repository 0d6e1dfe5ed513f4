package org.epicommand.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Correcting on the pages: a draft application's planned day and supplies, and a staff member on the ledger —
 * each refusal said next to its field (and only in the form it came from), a blank phone keeping the one
 * stored, and a draft no longer corrected once submitted (409 said on the page).
 */
@EpiCommandTest
class ReopeningEditPagesTest {

  static final LocalDate PLANNED = LocalDate.of(2026, 12, 23);

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aContactCorrectsTheDraftsSuppliesAndDayOnItsPage() {
    ReopeningFixtures.Org firm = ReopeningFixtures.organisation(api, "改草稿的公司", "ENTERPRISE", null);
    String id = ReopeningFixtures.draft(firm, "RESUME_WORK", null, PLANNED, 10);
    WebSession contact = WebSession.login(api, firm.contact(), OrganisationFixtures.CONTACT_PASSWORD);
    String page = "/enterprise/applications/" + id;
    assertThat(contact.get(page).body()).contains("data-testid=\"draft-form\"").contains("value=\"10\"");

    WebSession.Page notANumber = follow(contact, contact.postForm(page, form("很多", "2", "1.5", PLANNED), true));
    assertThat(notANumber.body()).contains("data-field-error=\"supplies.masks\"").contains("应为 0 到 100,000,000 之间的整数")
        .containsPattern("data-testid=\"edit-draft\"\\s+open");
    WebSession.Page negative = follow(contact, contact.postForm(page, form("5", "-1", "x", PLANNED), true));
    assertThat(negative.body()).contains("data-field-error=\"supplies.disinfectantLitres\"");
    WebSession.Page undated = follow(contact, contact.postForm(page, form("5", "1", "1", null), true));
    assertThat(undated.body()).contains("data-field-error=\"plannedDate\"");
    JsonNode unchanged = api.as("commander").get("/api/v1/resumption/applications/" + id).json();
    assertThat(unchanged.get("supplies").get("masks").asInt()).isEqualTo(10);

    Map<String, String> good = form("200", "3", "7.5", PLANNED.plusDays(5));
    good.put("isolationRoom", "true");
    WebSession.Page saved = follow(contact, contact.postForm(page, good, true));
    assertThat(saved.body()).contains("草稿已修改").doesNotContain("data-field-error");
    JsonNode corrected = api.as("commander").get("/api/v1/resumption/applications/" + id).json();
    assertThat(corrected.get("supplies").get("masks").asInt()).isEqualTo(200);
    assertThat(corrected.get("supplies").get("thermometers").asInt()).isEqualTo(3);
    assertThat(corrected.get("supplies").get("disinfectantLitres").asDouble()).isEqualTo(7.5);
    assertThat(corrected.get("supplies").get("isolationRoom").asBoolean()).isTrue();
    assertThat(corrected.get("plannedDate").asString()).isEqualTo(PLANNED.plusDays(5).toString());
    assertThat(corrected.get("templateCode").asString()).isEqualTo("FIVE_IN_PLACE");

    WebSession commander = WebSession.login(api, "commander");
    assertThat(commander.postForm(page, good, true).status()).as("only the applicant corrects").isEqualTo(403);
    assertThat(firm.asContact().post("/api/v1/resumption/applications/" + id + "/submit", "{}").status())
        .isEqualTo(200);
    assertThat(contact.get(page).body()).doesNotContain("data-testid=\"draft-form\"");
    WebSession.Page late = follow(contact, contact.postForm(page, good, true));
    assertThat(late.body()).contains("当前状态为 SUBMITTED");
  }

  @Test
  void aContactCorrectsAStaffMemberAndTheErrorIsSaidInThatMembersForm() {
    ReopeningFixtures.Org firm = ReopeningFixtures.organisation(api, "改台账的公司", "ENTERPRISE", null);
    Map<String, Object> body = new HashMap<>();
    body.put("name", "质检员甲");
    body.put("idType", "PASSPORT");
    body.put("idNumber", ReopeningFixtures.passport());
    body.put("phone", "13800138001");
    body.put("post", "车间");
    body.put("onDuty", true);
    String staffId = firm.asContact().post("/api/v1/organisations/" + firm.id() + "/staff", body).json().get("id")
        .asString();
    ReopeningFixtures.staff(firm, "另一员工", ReopeningFixtures.passport(), true);
    WebSession contact = WebSession.login(api, firm.contact(), OrganisationFixtures.CONTACT_PASSWORD);
    String page = "/organisations/" + firm.id() + "/staff";
    assertThat(contact.get(page).body()).contains("id=\"staff-" + staffId + "\"")
        .contains("action=\"/organisations/" + firm.id() + "/staff/" + staffId + "\"");

    Map<String, String> bad = new HashMap<>(Map.of("name", "质检员甲", "phone", "12", "post", "质检"));
    WebSession.Page refused = follow(contact, contact.postForm(page + "/" + staffId, bad, true));
    assertThat(refused.body().split("data-field-error=\"phone\"", -1)).as("only in that member's form").hasSize(2);
    assertThat(refused.body()).contains("data-field-error=\"phone\"");
    Map<String, String> noName = new HashMap<>(Map.of("name", "", "post", "质检"));
    assertThat(follow(contact, contact.postForm(page + "/" + staffId, noName, true)).body())
        .contains("data-field-error=\"name\"");

    Map<String, String> good = new HashMap<>(Map.of("name", "质检员甲", "phone", "", "post", "质检", "health", "FEVER",
        "returnedFrom", "湖北武汉", "returnedOn", "2020-02-03", "travelNote", "2月1日经停郑州", "keyPost", "true"));
    WebSession.Page saved = follow(contact, contact.postForm(page + "/" + staffId, good, true));
    assertThat(saved.body()).contains("台账信息已更新").contains("质检");
    Map<String, Object> row = jdbc.sql("select phone, post, health, on_duty, key_post, returned_from, travel_note"
        + " from enterprise_staff where id = :id::uuid").param("id", staffId).query().singleRow();
    assertThat(row.get("phone")).as("a blank phone keeps the stored one").isEqualTo("13800138001");
    assertThat(row.get("post")).isEqualTo("质检");
    assertThat(row.get("health")).isEqualTo("FEVER");
    assertThat(row.get("on_duty")).as("the box left unticked puts them off duty").isEqualTo(false);
    assertThat(row.get("key_post")).isEqualTo(true);
    assertThat(row.get("travel_note")).isEqualTo("2月1日经停郑州");
    ReopeningFixtures.Org other = ReopeningFixtures.organisation(api, "别家改台账", "ENTERPRISE", null);
    assertThat(contact.postForm("/organisations/" + other.id() + "/staff/" + staffId, good, true).status())
        .isEqualTo(404);
  }

  private static Map<String, String> form(String masks, String thermometers, String litres, LocalDate day) {
    Map<String, String> form = new HashMap<>();
    form.put("masks", masks);
    form.put("thermometers", thermometers);
    form.put("disinfectantLitres", litres);
    form.put("plannedDate", day == null ? "" : day.toString());
    return form;
  }

  private static WebSession.Page follow(WebSession session, WebSession.Page posted) {
    assertThat(posted.status()).as(posted.body()).isEqualTo(302);
    java.net.URI target = java.net.URI.create(posted.location());
    return session.get(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
  }
}
