package org.epicommand.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.residentId;
import static org.epicommand.sentinel.PharmacyInspectionApiTest.CITY_ZONE;
import static org.epicommand.sentinel.PharmacyInspectionApiTest.buyer;
import static org.epicommand.sentinel.PharmacyInspectionApiTest.inspection;
import static org.epicommand.sentinel.PharmacyInspectionApiTest.path;
import static org.epicommand.sentinel.SentinelFixtures.CLERK_PASSWORD;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Withdrawing an inspection recorded by mistake, through HTTP: market regulation of the pharmacy's district gives a
 * reason (required, at most 500 characters); the inspection stays on record as WITHDRAWN with who, when and why, the
 * verification items it opened that nobody closed yet close as INSPECTION_WITHDRAWN, the pharmacy's status stays,
 * and a second withdrawal is 409 naming WITHDRAWN. Other roles are refused (403), other districts do not find it
 * (404).
 */
@EpiCommandTest
class InspectionWithdrawalApiTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void anInspectionRecordedByMistakeIsWithdrawnAndItsOpenItemsCloseWithIt() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String pharmacy = SentinelFixtures.pharmacy(api, "撤销药房" + tag, DemoPlaces.COMMUNITY);
    Map<String, Object> body = inspection(LocalDate.now(CITY_ZONE), List.of(
        buyer(residentId(), "已核" + tag, DemoPlaces.COMMUNITY), buyer(residentId(), "待核" + tag,
            DemoPlaces.COMMUNITY)));
    body.put("pharmacyStatus", "RESTRICTED");
    Api.Answer recorded = api.as("district").post(path(pharmacy), body);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    String id = recorded.json().get("id").asString();
    assertThat(recorded.json().get("state").asString()).isEqualTo("RECORDED");
    String tested = recorded.json().get("buyers").get(0).get("verificationItemId").asString();
    String open = recorded.json().get("buyers").get(1).get("verificationItemId").asString();
    // the community reached and tested the first buyer already: that item stays as they closed it
    Api.Answer closedByWorker = api.as("community").post("/api/v1/sentinel/verification/" + tested + "/close",
        Map.of("outcome", "TESTED"));
    assertThat(closedByWorker.status()).as(closedByWorker.body()).isEqualTo(200);

    // no reason, or one too long: refused on the field, nothing changed
    assertThat(SentinelApiTest.fields(api.as("district").post(withdraw(pharmacy, id), Map.of("reason", "  "))))
        .containsExactly("reason");
    assertThat(SentinelApiTest.fields(api.as("district").post(withdraw(pharmacy, id), Map.of("reason",
        "误".repeat(501))))).containsExactly("reason");
    assertThat(SentinelApiTest.fields(api.as("district").post(withdraw(pharmacy, id), Map.of())))
        .containsExactly("reason");
    assertThat(inspectionState(id)).isEqualTo("RECORDED");
    assertThat(itemState(open)).isEqualTo("OPEN/null");
    assertThat(audited("SENTINEL_INSPECTION", id, "UPDATE")).isZero();

    Api.Answer withdrawn = api.as("district").post(withdraw(pharmacy, id), Map.of("reason", "录错了药店，应为隔壁药店"));
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.json().get("state").asString()).isEqualTo("WITHDRAWN");
    assertThat(withdrawn.json().get("withdrawnBy").asString()).isEqualTo("district");
    assertThat(withdrawn.json().get("withdrawalReason").asString()).isEqualTo("录错了药店，应为隔壁药店");
    assertThat(withdrawn.json().get("withdrawnAt").isNull()).isFalse();
    assertThat(inspectionState(id)).isEqualTo("WITHDRAWN");
    assertThat(itemState(open)).isEqualTo("CLOSED/INSPECTION_WITHDRAWN");
    assertThat(jdbc.sql("select closed_by from sentinel_verification where id = ?::uuid").param(open)
        .query(String.class).single()).isEqualTo("district");
    assertThat(itemState(tested)).isEqualTo("CLOSED/TESTED");
    JsonNode item = api.as("community").get("/api/v1/sentinel/verification/" + open).json();
    assertThat(item.get("outcome").asString()).isEqualTo("INSPECTION_WITHDRAWN");
    assertThat(jdbc.sql("select detail from audit_event where subject_type = 'SENTINEL_INSPECTION' and subject_id = ? "
        + "and action = 'UPDATE' and username = 'district'").param(id).query(String.class).list())
        .containsExactly("inspection of " + pharmacy + " withdrawn: 录错了药店，应为隔壁药店");
    assertThat(jdbc.sql("select detail from audit_event where subject_type = 'SENTINEL_VERIFICATION' "
        + "and subject_id = ? and action = 'UPDATE' and username = 'district'").param(open).query(String.class).list())
        .containsExactly("closed INSPECTION_WITHDRAWN: inspection " + id);
    // the status the inspection set is not put back: it has its own change
    assertThat(api.as("district").get("/api/v1/sentinel/pharmacies/" + pharmacy).json().get("status").asString())
        .isEqualTo("RESTRICTED");
    JsonNode listed = api.as("district").get(path(pharmacy)).json();
    assertThat(listed.get(0).get("id").asString()).isEqualTo(id);
    assertThat(listed.get(0).get("state").asString()).isEqualTo("WITHDRAWN");

    // a second time: 409 naming the state it is in, nothing more audited
    Api.Answer again = api.as("district").post(withdraw(pharmacy, id), Map.of("reason", "再撤一次"));
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.json().get("currentState").asString()).isEqualTo("WITHDRAWN");
    assertThat(audited("SENTINEL_INSPECTION", id, "UPDATE")).isEqualTo(1);
    assertThat(jdbc.sql("select withdrawal_reason from sentinel_inspection where id = ?::uuid").param(id)
        .query(String.class).single()).isEqualTo("录错了药店，应为隔壁药店");
  }

  @Test
  void onlyMarketRegulationOfThePharmacysDistrictWithdrawsAnInspection() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String pharmacy = SentinelFixtures.pharmacy(api, "撤销权限" + tag, DemoPlaces.COMMUNITY);
    Api.Answer recorded = api.as("district").post(path(pharmacy), inspection(LocalDate.now(CITY_ZONE), List.of(
        buyer(residentId(), "权限" + tag, DemoPlaces.COMMUNITY))));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    String id = recorded.json().get("id").asString();
    String item = recorded.json().get("buyers").get(0).get("verificationItemId").asString();
    Map<String, Object> reason = Map.of("reason", "误录");

    assertThat(api.as("community").post(withdraw(pharmacy, id), reason).status()).isEqualTo(403);
    assertThat(api.as("cdc").post(withdraw(pharmacy, id), reason).status()).isEqualTo(403);
    String west = SentinelFixtures.account(api, "mr", "DISTRICT_STAFF", DemoPlaces.OTHER_DISTRICT);
    assertThat(api.as(west, CLERK_PASSWORD).post(withdraw(pharmacy, id), reason).status()).isEqualTo(404);
    // an inspection of another pharmacy is not found through this one
    String other = SentinelFixtures.pharmacy(api, "别家药房" + tag, DemoPlaces.COMMUNITY);
    assertThat(api.as("district").post(withdraw(other, id), reason).status()).isEqualTo(404);
    assertThat(api.as("district").post(withdraw(pharmacy, java.util.UUID.randomUUID().toString()), reason)
        .status()).isEqualTo(404);

    assertThat(inspectionState(id)).isEqualTo("RECORDED");
    assertThat(itemState(item)).isEqualTo("OPEN/null");
    assertThat(audited("SENTINEL_INSPECTION", id, "UPDATE")).isZero();
  }

  @Test
  void marketRegulationWithdrawsAnInspectionOnThePharmacysPage() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String pharmacy = SentinelFixtures.pharmacy(api, "页面撤销" + tag, DemoPlaces.COMMUNITY);
    Map<String, Object> body = inspection(LocalDate.now(CITY_ZONE), List.of());
    body.put("outcome", "COMPLIANT");
    String id = api.as("district").post(path(pharmacy), body).json().get("id").asString();
    WebSession district = WebSession.login(api, "district");
    String page = district.get("/sentinel/pharmacies/" + pharmacy).body();
    assertThat(page).contains("data-testid=\"withdraw\"", "/sentinel/pharmacies/" + pharmacy + "/inspections/" + id
        + "/withdraw", "撤销此检查记录").doesNotContain("data-testid=\"inspection-withdrawn\"");
    assertThat(WebSession.login(api, "community").get("/sentinel/pharmacies/" + pharmacy).body())
        .contains("页面撤销" + tag).doesNotContain("data-testid=\"withdraw\"");

    String target = "/sentinel/pharmacies/" + pharmacy + "/inspections/" + id + "/withdraw";
    assertThat(district.postForm(target, Map.of("reason", " "), true).status()).isEqualTo(302);
    assertThat(district.get("/sentinel/pharmacies/" + pharmacy).body()).contains("请填写撤销原因（最多 500 个字符）")
        .doesNotContain("data-testid=\"inspection-withdrawn\"");
    assertThat(district.postForm(target, Map.of("reason", "检查日期录错" + tag), true).status()).isEqualTo(302);
    page = district.get("/sentinel/pharmacies/" + pharmacy).body();
    assertThat(page).contains("已撤销检查记录", "data-testid=\"inspection-withdrawn\"",
        "已由 district 于 ", "原因：检查日期录错" + tag).doesNotContain("data-testid=\"withdraw\"");
    assertThat(district.postForm(target, Map.of("reason", "再次"), true).status()).isEqualTo(302);
    assertThat(district.get("/sentinel/pharmacies/" + pharmacy).body()).contains("该检查记录已撤销，不能再次撤销");
  }

  private static String withdraw(String pharmacy, String inspection) {
    return path(pharmacy) + "/" + inspection + "/withdraw";
  }

  private String inspectionState(String id) {
    return jdbc.sql("select state from sentinel_inspection where id = ?::uuid").param(id).query(String.class)
        .single();
  }

  private String itemState(String id) {
    return jdbc.sql("select state || '/' || coalesce(outcome, 'null') from sentinel_verification where id = ?::uuid")
        .param(id).query(String.class).single();
  }

  private long audited(String type, String id, String action) {
    return jdbc.sql("select count(*) from audit_event where subject_type = ? and subject_id = ? and action = ?")
        .params(type, id, action).query(Long.class).single();
  }
}
