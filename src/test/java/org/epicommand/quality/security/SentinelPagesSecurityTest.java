package org.epicommand.quality.security;

import org.epicommand.support.WebSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.sentinel.SentinelFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sentinel pages: a clerk works on their own pharmacy's form only (404 for another, 403 for the
 * community list), a refused entry is said on the field, the community worker sees the verification
 * list but not the clerk's form, clinic staff their own clinic's register only, where they end an observation.
 */
@EpiCommandTest
class SentinelPagesSecurityTest {

  @Autowired
  Api api;
  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void eachSentinelPageAnswersItsOwnUsersAndNoOneElse() {
    String tag = Long.toString(System.nanoTime() % 100_000);
    String own = SentinelFixtures.pharmacy(api, "页面<b>药房</b>" + tag, OrganisationFixtures.COMMUNITY);
    String other = SentinelFixtures.pharmacy(api, "别家药房" + tag, OrganisationFixtures.COMMUNITY);
    WebSession clerk = WebSession.login(api, SentinelFixtures.clerk(api, own), SentinelFixtures.CLERK_PASSWORD);

    WebSession.Page form = clerk.get("/sentinel/purchase");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("页面&lt;b&gt;药房&lt;/b&gt;").doesNotContain("别家药房").contains("今天还没有登记");
    assertThat(clerk.get("/sentinel/purchase?pharmacy=" + other).status()).isEqualTo(404);
    assertThat(clerk.get("/sentinel/verification").status()).isEqualTo(403);
    assertThat(clerk.get("/sentinel/clinic").status()).isEqualTo(403);
    assertThat(clerk.get("/sentinel/referrals").status()).isEqualTo(403);
    WebSession.Page refused = clerk.postForm("/sentinel/purchase", Map.of("pharmacy", own, "idType", "RESIDENT_ID",
        "idNumber", "110101199003071234", "name", "坏证件", "phone", "13900139000",
        "approvalNumber", "国药准字H44021565", "quantity", "1"), true);
    assertThat(ReopeningPagesSecurityTest.follow(clerk, refused).body()).contains("data-field-error=\"idNumber\"");
    // a new buyer registered on the page is routed to the community the clerk picked, not the pharmacy's
    assertThat(form.body()).contains("data-testid=\"buyer-home\"");
    String document = org.epicommand.labtest.LabtestFixtures.residentId();
    WebSession.Page registered = clerk.postForm("/sentinel/purchase", Map.of("pharmacy", own, "idType",
        "RESIDENT_ID", "idNumber", document, "name", "外社区购药" + tag, "phone", "13900139002", "approvalNumber",
        "国药准字H44021565", "quantity", "1", "jurisdictionCode", "990101001004"), true);
    assertThat(ReopeningPagesSecurityTest.follow(clerk, registered).body()).contains("外社区购药" + tag);
    assertThat(jdbc.sql("select jurisdiction_code from person where id_number = ?").param(document)
        .query(String.class).single()).isEqualTo("990101001004");

    WebSession community = WebSession.login(api, "community");
    assertThat(community.get("/sentinel/verification").status()).isEqualTo(200);
    assertThat(community.get("/sentinel/purchase").status()).isEqualTo(403);
    WebSession.Page unassigned = community.get("/sentinel/referrals");
    assertThat(unassigned.status()).isEqualTo(200);
    assertThat(unassigned.body()).contains("待分配的发热转诊").doesNotContain("data-testid=\"assign-form\"")
        .doesNotContain("data-testid=\"move-form\"");
    assertThat(community.get("/sentinel/referrals/widget").status()).isEqualTo(403);
    assertThat(community.postForm("/sentinel/referrals/" + java.util.UUID.randomUUID() + "/move",
        Map.of("clinicId", own), true).status()).isEqualTo(403);

    String clinic = OrganisationFixtures.register(api, "页面卫生室" + tag, "CLINIC", OrganisationFixtures.COMMUNITY, null)
        .json().get("creditCode").asString();
    assertThat(api.as("commander").post("/api/v1/sentinel/clinics", Map.of("organisation", clinic,
        "type", "VILLAGE_CLINIC")).status()).isEqualTo(201);
    String nurse = SentinelFixtures.account(api, "nurse", "CLINIC_STAFF", OrganisationFixtures.COMMUNITY);
    assertThat(api.as("admin").post("/api/v1/sentinel/clinic-staff/" + clinic, Map.of("username", nurse)).status())
        .isEqualTo(201);
    WebSession staff = WebSession.login(api, nurse, SentinelFixtures.CLERK_PASSWORD);
    WebSession.Page register = staff.get("/sentinel/clinic");
    assertThat(register.status()).isEqualTo(200);
    assertThat(register.body()).contains("页面卫生室" + tag).contains("村卫生室").contains("还没有就诊登记");
    assertThat(staff.get("/sentinel/clinic?clinic=" + own).status()).isEqualTo(404);
    assertThat(staff.get("/sentinel/referrals").status()).isEqualTo(403);
    assertThat(staff.get("/sentinel/referrals/widget").status()).isEqualTo(200);
    WebSession.Page recorded = staff.postForm("/sentinel/clinic", Map.of("clinic", clinic, "idType", "RESIDENT_ID",
        "idNumber", org.epicommand.labtest.LabtestFixtures.residentId(), "name", "留观患者", "temperature", "38.1",
        "disposition", "OBSERVATION_ON_SITE"), true);
    assertThat(ReopeningPagesSecurityTest.follow(staff, recorded).body()).contains("已登记就诊").contains("留观患者")
        .contains("留观").contains("待出结果").contains("前采样或报告乡镇卫生院");
    WebSession.Page overdue = staff.get("/sentinel/clinic?overdue=true&clinic=" + clinic);
    assertThat(overdue.status()).isEqualTo(200);
    assertThat(overdue.body()).doesNotContain("留观患者");
    String visitId = api.as(nurse, SentinelFixtures.CLERK_PASSWORD).get("/api/v1/sentinel/clinic-visits").json()
        .get(0).get("id").asString();
    WebSession.Page reported = staff.postForm("/sentinel/clinic/visits/" + visitId + "/report",
        Map.of("clinic", clinic, "reportedTo", "东湖镇卫生院"), true);
    WebSession.Page afterReport = ReopeningPagesSecurityTest.follow(staff, reported);
    assertThat(afterReport.body()).contains("已记录报告")
        .contains("已报告 东湖镇卫生院").doesNotContain("前采样或报告乡镇卫生院").contains("data-testid=\"end-observation\"");
    WebSession.Page ended = staff.postForm("/sentinel/clinic/visits/" + visitId + "/end-observation",
        Map.of("clinic", clinic, "disposition", "ADMITTED"), true);
    assertThat(ReopeningPagesSecurityTest.follow(staff, ended).body()).contains("已结束留观").contains("收治")
        .contains("结束留观）").doesNotContain("data-testid=\"end-observation\"");
    assertThat(api.as(nurse, SentinelFixtures.CLERK_PASSWORD).get("/api/v1/sentinel/clinic-visits/" + visitId).json()
        .get("disposition").asString()).isEqualTo("ADMITTED");
  }
}
