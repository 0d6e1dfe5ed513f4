package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The concealment pages: an investigator reports concealment on the investigation page (a bad report refused on its
 * fields, the report listed); the tip-off office finds the case in its list in words, opens one itself (a refused
 * form shows again what was typed), refers it and closes an open one only with a reason; anyone else gets 403.
 */
@EpiCommandTest
class ConcealmentPagesSecurityTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void theInvestigatorReportsAndTheOfficeWorksTheCaseOnItsPages() {
    String name = "页面隐瞒者" + System.nanoTime() % 100_000;
    String caseId = CaseFixtures.caseOf(api, name, OrganisationFixtures.COMMUNITY, "CONFIRMED",
        LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
    String investigation = api.as("cdc").get("/api/v1/cases/" + caseId + "/investigation").json().get("id")
        .asString();
    WebSession cdc = WebSession.login(api, "cdc");
    String page = "/tracing/investigations/" + investigation;
    assertThat(cdc.get(page).body()).contains("data-testid=\"concealment-form\"", "尚未报告隐瞒");
    WebSession.Page bad = cdc.postForm(page + "/concealment", Map.of("concealed", "TRAVEL"), true);
    assertThat(ReopeningPagesSecurityTest.follow(cdc, bad).body()).contains("data-field-error=\"evidence\"");
    WebSession.Page reported = cdc.postForm(page + "/concealment", Map.of("concealed", "CONTACT", "evidence",
        "隐瞒与确诊亲属同住"), true);
    assertThat(ReopeningPagesSecurityTest.follow(cdc, reported).body()).contains("已报告隐瞒", "隐瞒接触史",
        "隐瞒与确诊亲属同住");
    assertThat(cdc.get("/concealment").status()).isEqualTo(403);

    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from concealment_case"
        + " where source_id = ?::uuid").param(investigation).query(Long.class).single() == 1);
    String id = jdbc.sql("select id::text from concealment_case where source_id = ?::uuid").param(investigation)
        .query(String.class).single();
    WebSession office = WebSession.login(api, "tipoff");
    assertThat(office.get("/concealment").body()).contains(name + " · 隐瞒接触史", "流调发现", "待移送")
        .doesNotContain("CONTACT").doesNotContain("INVESTIGATION");
    String detail = office.get("/concealment/" + id).body();
    assertThat(detail).contains("隐瞒与确诊亲属同住", "data-testid=\"refer-form\"", "查看流调");
    WebSession.Page referred = office.postForm("/concealment/" + id + "/referral", Map.of("referredTo",
        "PUBLIC_SECURITY", "legalBasis", "治安管理处罚法第五十条"), true);
    assertThat(ReopeningPagesSecurityTest.follow(office, referred).body()).contains("已移送", "公安机关",
        "治安管理处罚法第五十条", "data-testid=\"decision-form\"").doesNotContain("data-testid=\"refer-form\"");

    WebSession.Page refused = office.postForm("/concealment/new", Map.of("subjectName", "李某", "evidence",
        "入户排查发现隐瞒返乡"), true);
    String again = ReopeningPagesSecurityTest.follow(office, refused).body();
    assertThat(again).contains("data-field-error=\"concealed\"", "data-field-error=\"jurisdictionCode\"",
        "value=\"李某\"", "入户排查发现隐瞒返乡");
    WebSession.Page opened = office.postForm("/concealment/new", Map.of("subjectName", "李某", "concealed", "TRAVEL",
        "jurisdictionCode", OrganisationFixtures.COMMUNITY, "evidence", "入户排查发现隐瞒返乡"), true);
    String created = ReopeningPagesSecurityTest.follow(office, opened).body();
    assertThat(created).contains("已立案", "李某 · 隐瞒行程", "本办立案");
    String own = opened.location().replaceFirst("^https?://[^/]+", "");
    WebSession.Page noReason = office.postForm(own + "/close", Map.of(), true);
    assertThat(ReopeningPagesSecurityTest.follow(office, noReason).body()).contains("不予移送结案时请写明理由");
    WebSession.Page dismissed = office.postForm(own + "/close", Map.of("note", "查无此事"), true);
    assertThat(ReopeningPagesSecurityTest.follow(office, dismissed).body()).contains("已结案", "查无此事");

    assertThat(WebSession.login(api, "community").get("/concealment").status()).isEqualTo(403);
    assertThat(WebSession.login(api, "community").get("/concealment/" + id).status()).isEqualTo(403);
  }
}
