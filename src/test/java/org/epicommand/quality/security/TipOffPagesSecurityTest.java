package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.epicommand.tipoff.internal.PublicTipOffLimit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tip-off pages: the public form needs no login and says a refused field on the field, the 11th
 * submission of a minute from one address is refused (429); the office's pages are the office's, the
 * verification list the community's, and the informant is shown to the office alone — never on the
 * record a community worker opens.
 */
@EpiCommandTest
class TipOffPagesSecurityTest {

  @Autowired
  Api api;
  @Autowired
  PublicTipOffLimit limit;

  @BeforeEach
  void freshLimit() {
    limit.reset();
  }

  @Test
  void thePublicFormNeedsNoLoginAndIsLimitedPerAddress() {
    WebSession visitor = WebSession.from(api, "192.0.2.71");
    WebSession.Page form = visitor.get("/public/tip-off");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("疫情防控有奖举报").contains("只有举报受理办公室能看到");
    String token = WebSession.token(form.body());
    Map<String, String> fields = new HashMap<>(Map.of("_csrf", token, "topic", "GATHERING", "address", "东湖路 1 号",
        "jurisdictionCode", OrganisationFixtures.COMMUNITY, "description", "聚集打牌", "informantPhone", "123"));
    WebSession.Page refused = visitor.postForm("/public/tip-off", fields, false);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("data-field-error=\"informantPhone\"");
    fields.put("informantPhone", "13800138002");
    WebSession.Page done = visitor.postForm("/public/tip-off", fields, false);
    assertThat(done.status()).isEqualTo(200);
    String receipt = done.body().replaceAll("(?s).*data-testid=\"receipt\">(JB[0-9A-Z]{10})<.*", "$1");
    assertThat(receipt).matches("JB[0-9A-Z]{10}");
    WebSession.Page status = visitor.get("/public/tip-off/status?receipt=" + receipt);
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.body()).contains("已收到").doesNotContain("13800138002").doesNotContain("东湖路 1 号");
    assertThat(visitor.get("/public/tip-off/status?receipt=JB0000000000").status()).isEqualTo(404);
    for (int i = 0; i < 6; i++) { // the 5th to the 10th request of the minute
      assertThat(visitor.postForm("/public/tip-off", Map.of("_csrf", token), false).status()).isEqualTo(400);
    }
    WebSession.Page limited = visitor.postForm("/public/tip-off", fields, false);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body()).contains("提交过于频繁");
    assertThat(WebSession.from(api, "192.0.2.72").get("/public/tip-off").status()).isEqualTo(200);
    assertThat(visitor.get("/tipoff").status()).isEqualTo(302);
  }

  @Test
  void eachTipOffPageAnswersItsOwnUsersAndTheInformantIsTheOfficesAlone() {
    Map<String, Object> body = new HashMap<>(Map.of("channel", "HOTLINE", "topic", "CONCEALED_SYMPTOMS",
        "address", "页面<b>小区</b>", "jurisdictionCode", OrganisationFixtures.COMMUNITY, "description", "发热不报",
        "informantName", "页面举报人", "informantPhone", "13800138003"));
    String id = api.as("tipoff").post("/api/v1/tip-offs", body).json().get("id").asString();
    WebSession office = WebSession.login(api, "tipoff");
    assertThat(office.get("/tipoff").body()).contains("页面&lt;b&gt;小区&lt;/b&gt;").contains("隐瞒病情");
    assertThat(office.get("/tipoff/new").status()).isEqualTo(200);
    assertThat(office.get("/tipoff/rewards").body()).contains("奖励标准", "哄抬物价");
    WebSession.Page badScale = office.postForm("/tipoff/rewards/GATHERING", Map.of("amount", "五百",
        "maxAmount", "100"), true);
    assertThat(ReopeningPagesSecurityTest.follow(office, badScale).body()).contains("奖励金额应大于 0 元");
    assertThat(office.get("/tipoff/verification").status()).isEqualTo(403);
    WebSession.Page record = office.get("/tipoff/" + id);
    assertThat(record.body()).contains("查看举报人").doesNotContain("页面举报人");
    assertThat(office.get("/tipoff/" + id + "?informant=true").body()).contains("页面举报人").contains("13800138003");
    WebSession.Page illegal = office.postForm("/tipoff/" + id + "/close", Map.of(), true);
    assertThat(ReopeningPagesSecurityTest.follow(office, illegal).body()).contains("该举报当前状态为RECEIVED");
    String subject = "页面被举报人" + System.nanoTime() % 1_000_000L;
    org.epicommand.support.People.resident(subject, OrganisationFixtures.COMMUNITY).id(api);
    String query = "/tipoff/person-picker?q="
        + java.net.URLEncoder.encode(subject, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(office.get(query).body()).contains(subject).containsPattern("\\d{4}\\*+\\d{3}[\\dX]");
    WebSession.Page unmatched = office.postForm("/tipoff/" + id + "/subject-person", Map.of("personId", "x"), true);
    assertThat(ReopeningPagesSecurityTest.follow(office, unmatched).body()).contains("data-field-error=\"personId\"");
    WebSession.Page assigned = office.postForm("/tipoff/" + id + "/assign", Map.of("communityCode", ""), true);
    assertThat(ReopeningPagesSecurityTest.follow(office, assigned).body()).contains("已交办");

    WebSession community = WebSession.login(api, "community");
    WebSession.Page list = community.get("/tipoff/verification");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("页面&lt;b&gt;小区&lt;/b&gt;").doesNotContain("页面举报人");
    WebSession.Page seen = community.get("/tipoff/" + id + "?informant=true");
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.body()).contains("发热不报").doesNotContain("页面举报人").doesNotContain("13800138003")
        .doesNotContain("查看举报人");
    assertThat(community.get("/tipoff/new").status()).isEqualTo(403);
    assertThat(community.get("/tipoff/rewards").status()).isEqualTo(403);
    assertThat(community.get(query).status()).isEqualTo(403);
    assertThat(seen.body()).doesNotContain("匹配被举报人");
    WebSession.Page bad = community.postForm("/tipoff/" + id + "/verify", Map.of("back", "/tipoff/verification"),
        true);
    assertThat(ReopeningPagesSecurityTest.follow(community, bad).body()).contains("请选择核查结果");
    WebSession.Page verified = community.postForm("/tipoff/" + id + "/verify", Map.of("outcome", "CONFIRMED",
        "findings", "核实发热未报告"), true);
    assertThat(ReopeningPagesSecurityTest.follow(community, verified).body()).contains("查证属实");

    assertThat(WebSession.login(api, "pharmacy").get("/tipoff").status()).isEqualTo(403);
  }
}
