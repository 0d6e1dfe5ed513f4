package org.epicommand.quality.security;

import org.epicommand.support.CityTime;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.WebSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.epicommand.enterprise.ReopeningFixtures;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The reopening pages: a contact works on their own organisation only (404 on another's page and
 * application), each move is offered to and accepted from whom it belongs (403 otherwise), refusals are
 * said on the page, and the board and lists answer by role.
 */
@EpiCommandTest
class ReopeningPagesSecurityTest {

  static final LocalDate PLANNED = LocalDate.of(2026, 12, 21);

  @Autowired
  Api api;

  /** The page a post redirected to. */
  static WebSession.Page follow(WebSession session, WebSession.Page posted) {
    assertThat(posted.status()).as(posted.body()).isEqualTo(302);
    java.net.URI target = java.net.URI.create(posted.location());
    return session.get(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
  }

  @Test
  void aContactFillsTheirOwnOrganisationsPagesAndNoOtherOne() {
    ReopeningFixtures.Org school = ReopeningFixtures.organisation(api, "页面<b>一中</b>", "SCHOOL", List.of("高三"));
    ReopeningFixtures.Org other = ReopeningFixtures.organisation(api, "别的学校", "SCHOOL", List.of("高三"));
    String otherApplication = ReopeningFixtures.draft(other, "REOPEN_SCHOOL_COHORT", "高三", PLANNED, 30);
    WebSession contact = WebSession.login(api, school.contact(), OrganisationFixtures.CONTACT_PASSWORD);

    WebSession.Page own = contact.get("/organisations/" + school.id() + "/staff");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body()).contains("页面&lt;b&gt;一中&lt;/b&gt;").contains("台账中没有人员").contains("晨午检日报");
    assertThat(contact.get("/organisations/" + other.id() + "/staff").status()).isEqualTo(404);
    assertThat(contact.get("/enterprise/applications/" + otherApplication).status()).isEqualTo(404);
    assertThat(contact.postForm("/organisations/" + other.id() + "/staff", Map.of("name", "越界", "idType", "PASSPORT",
        "idNumber", ReopeningFixtures.passport()), true).status()).isEqualTo(404);
    assertThat(contact.get("/enterprise/applications").body()).doesNotContain("别的学校");
    assertThat(contact.get("/").body()).contains("hx-get=\"/enterprise/widget\"");
    assertThat(contact.get("/enterprise/widget").body()).contains("data-testid=\"widget-resumption\"")
        .contains("/organisations/" + school.id() + "/staff").contains("本单位在岗人员");

    WebSession.Page added = contact.postForm("/organisations/" + school.id() + "/staff", Map.of("name", "班主任甲",
        "idType", "PASSPORT", "idNumber", ReopeningFixtures.passport(), "post", "高三（1）班", "onDuty", "true"), true);
    assertThat(added.location()).endsWith("/organisations/" + school.id() + "/staff");
    assertThat(contact.get("/organisations/" + school.id() + "/staff").body()).contains("班主任甲").contains("已登记到台账");
    WebSession.Page badId = contact.postForm("/organisations/" + school.id() + "/staff", Map.of("name", "坏证件",
        "idType", "RESIDENT_ID", "idNumber", "110101199003071234"), true);
    assertThat(follow(contact, badId).body()).contains("data-field-error=\"idNumber\"");
    WebSession.Page health = contact.postForm("/organisations/" + school.id() + "/daily-health",
        Map.of("date", CityTime.today().toString(), "present", "40", "fever", "1", "zero", "true"), true);
    assertThat(follow(contact, health).body()).contains("有发热、因病缺勤或隔离人员时不能报零");

    WebSession.Page undated = contact.postForm("/enterprise/applications", Map.of("organisationId", school.id(),
        "kind", "REOPEN_SCHOOL_COHORT", "cohort", "高三", "plannedDate", "", "masks", "30"), true);
    assertThat(follow(contact, undated).body()).contains("data-field-error=\"plannedDate\"");
    WebSession.Page created = contact.postForm("/enterprise/applications", Map.of("organisationId", school.id(),
        "kind", "REOPEN_SCHOOL_COHORT", "cohort", "高三", "plannedDate", PLANNED.toString(), "masks", "30",
        "thermometers", "2", "isolationRoom", "true"), true);
    assertThat(created.location()).contains("/enterprise/applications/");
    String id = created.location().substring(created.location().lastIndexOf('/') + 1);
    WebSession.Page detail = contact.get("/enterprise/applications/" + id);
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.body()).contains("党委政府主要负责同志").contains("教育行政主管部门负责人").contains("校长")
        .contains("批准前尚缺").contains("data-testid=\"move-submit\"").doesNotContain("data-testid=\"move-approve\"");

    follow(contact, contact.postForm("/enterprise/applications/" + id + "/sign-offs",
        Map.of("position", "校长", "name", "王校长"), true));
    JsonNode signed = api.as("commander").get("/api/v1/resumption/applications/" + id).json().get("signOffs");
    assertThat(signed.size()).isOne();
    assertThat(signed.get(0).get("name").asString()).isEqualTo("王校长");
    WebSession.Page stranger = contact.postForm("/enterprise/applications/" + id + "/sign-offs",
        Map.of("position", "班长", "name", "某人"), true);
    assertThat(follow(contact, stranger).body()).contains("该验收清单要求的签字岗位为");

    assertThat(contact.postForm("/enterprise/applications/" + id + "/start-review", Map.of(), true).status())
        .isEqualTo(403);
    assertThat(contact.postForm("/enterprise/applications/" + id + "/approve", Map.of(), true).status())
        .isEqualTo(403);
    WebSession.Page submitted = contact.postForm("/enterprise/applications/" + id + "/submit", Map.of(), true);
    assertThat(follow(contact, submitted).body()).contains("申请已提交");
    assertThat(api.as("commander").get("/api/v1/resumption/applications/" + id).json().get("state").asString())
        .isEqualTo("SUBMITTED");
    WebSession.Page twice = contact.postForm("/enterprise/applications/" + id + "/submit", Map.of(), true);
    assertThat(follow(contact, twice).body()).contains("当前状态为 SUBMITTED");
  }

  @Test
  void theCommanderMovesAnApplicationOnItsPageAndTheBoardAnswersByRole() {
    ReopeningFixtures.Org firm = ReopeningFixtures.organisation(api, "页面审批公司", "ENTERPRISE", null);
    ReopeningFixtures.staff(firm, "工人甲", ReopeningFixtures.passport(), true);
    String id = ReopeningFixtures.draft(firm, "RESUME_WORK", null, PLANNED, 100);
    ReopeningFixtures.documents(firm, id);
    assertThat(firm.asContact().post("/api/v1/resumption/applications/" + id + "/submit", "{}").status())
        .isEqualTo(200);
    WebSession commander = WebSession.login(api, "commander");
    follow(commander, commander.postForm("/enterprise/applications/" + id + "/start-review", Map.of(), true));
    WebSession.Page inspection = follow(commander,
        commander.postForm("/enterprise/applications/" + id + "/request-inspection", Map.of(), true));
    assertThat(inspection.body()).contains("data-testid=\"move-approve\"").contains("现场验收未通过");
    WebSession.Page refused = commander.postForm("/enterprise/applications/" + id + "/approve", Map.of(), true);
    assertThat(follow(commander, refused).body()).contains("审批条件未满足");
    WebSession.Page noReason = commander.postForm("/enterprise/applications/" + id + "/reject", Map.of(), true);
    assertThat(follow(commander, noReason).body()).contains("请填写理由");
    JsonNode template = api.as("commander").get("/api/v1/checklist-templates/"
        + api.as("commander").get("/api/v1/resumption/applications/" + id).json().get("templateCode").asString())
            .json();
    for (JsonNode item : template.get("items")) {
      follow(commander, commander.postForm("/enterprise/applications/" + id + "/checklist/"
          + item.get("code").asString(), Map.of("outcome", "PASS", "note", "现场核验"), true));
    }
    follow(commander, commander.postForm("/enterprise/applications/" + id + "/sign-offs",
        Map.of("position", "法定代表人", "name", "刘法人"), true));
    WebSession.Page approved = commander.postForm("/enterprise/applications/" + id + "/approve", Map.of(), true);
    assertThat(follow(commander, approved).body()).contains("申请已批准");
    assertThat(api.as("commander").get("/api/v1/resumption/applications/" + id).json().get("state").asString())
        .isEqualTo("APPROVED");

    assertThat(commander.get("/enterprise/widget").body()).contains("待现场验收").doesNotContain("本单位在岗人员");
    WebSession.Page board = commander.get("/enterprise/board");
    assertThat(board.status()).isEqualTo(200);
    assertThat(board.body()).contains("复工率").contains("返岗率").contains("data-testid=\"board-cells\"");
    assertThat(WebSession.login(api, "site").get("/enterprise/board").status()).isEqualTo(403);
    assertThat(WebSession.login(api, "site").get("/enterprise/applications").status()).isEqualTo(403);
    assertThat(WebSession.login(api, "site").get("/enterprise/daily-health").status()).isEqualTo(403);
    assertThat(commander.get("/enterprise/daily-health").status()).isEqualTo(200);
    assertThat(commander.get("/enterprise/applications?state=APPROVED").body()).contains("页面审批公司");
    assertThat(commander.get("/enterprise/applications?state=NOPE").status()).isIn(400, 404);
  }

  @Test
  void theCommandOfficeSetsAndLiftsGatesOnTheirPageAndOthersReadThem() {
    String name = "页面节点" + System.nanoTime() % 100_000;
    WebSession community = WebSession.login(api, "community");
    WebSession.Page read = community.get("/enterprise/gates");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).contains("企业2月9日前不得复工").doesNotContain("data-testid=\"gate-form\"");
    Map<String, String> gate = Map.of("name", name, "kind", "SCHOOL", "jurisdictionCode", DemoPlaces.COMMUNITY,
        "cohort", "页面年级", "notBefore", "2020-01-05", "exceptions", "LIVELIHOOD");
    assertThat(community.postForm("/enterprise/gates", gate, true).status()).isEqualTo(403);
    WebSession commander = WebSession.login(api, "commander");
    WebSession.Page unnamed = commander.postForm("/enterprise/gates", Map.of("notBefore", "2020-01-05",
        "jurisdictionCode", DemoPlaces.COMMUNITY), true);
    assertThat(follow(commander, unnamed).body()).contains("data-field-error=\"name\"");
    WebSession.Page set = follow(commander, commander.postForm("/enterprise/gates", gate, true));
    assertThat(set.body()).contains("复工时间节点已设置").contains(name).contains("民生保障");
    JsonNode stored = api.as("commander").get("/api/v1/resumption/gates").json().valueStream()
        .filter(g -> g.get("name").asString().equals(name)).findFirst().orElseThrow();
    assertThat(stored.get("cohort").asString()).isEqualTo("页面年级");
    assertThat(stored.get("notBefore").asString()).isEqualTo("2020-01-05");
    WebSession.Page lifted = follow(commander, commander.postForm("/enterprise/gates/" + stored.get("id").asString()
        + "/retire", Map.of(), true));
    assertThat(lifted.body()).contains("节点已解除").doesNotContain(name);
    assertThat(commander.get("/enterprise/gates?retired=true").body()).contains(name).contains("已解除");
  }

  @Test
  void theAdministratorBindsSectorReviewersOnTheirPage() {
    String reviewer = "review_" + System.nanoTime() % 1_000_000;
    assertThat(api.as("admin").post("/api/v1/users", Map.of("username", reviewer, "password",
        OrganisationFixtures.CONTACT_PASSWORD, "roles", List.of("SECTOR_REVIEWER"), "jurisdictionCode",
            DemoPlaces.CITY))
        .status()).isEqualTo(201);
    assertThat(WebSession.login(api, "commander").get("/enterprise/sector-reviewers").status()).isEqualTo(403);
    WebSession admin = WebSession.login(api, "admin");
    assertThat(admin.get("/enterprise/sector-reviewers").body()).contains("教育").contains("尚未绑定审核人员");
    WebSession.Page bound = follow(admin, admin.postForm("/enterprise/sector-reviewers/EDUCATION",
        Map.of("username", reviewer), true));
    assertThat(bound.body()).contains(reviewer);
    assertThat(api.as("admin").get("/api/v1/resumption/sector-reviewers/EDUCATION").body()).contains(reviewer);
    WebSession.Page notAReviewer = follow(admin, admin.postForm("/enterprise/sector-reviewers/EDUCATION",
        Map.of("username", "district"), true));
    assertThat(notAReviewer.body()).contains("不是行业主管部门审核人员");
    follow(admin, admin.postForm("/enterprise/sector-reviewers/EDUCATION/unbind", Map.of("username", reviewer), true));
    assertThat(api.as("admin").get("/api/v1/resumption/sector-reviewers/EDUCATION").body()).doesNotContain(reviewer);
    assertThat(admin.postForm("/enterprise/sector-reviewers/NOPE", Map.of("username", reviewer), true).status())
        .isEqualTo(404);
    ReopeningFixtures.Org org = ReopeningFixtures.organisation(api, "绑定页面公司", "ENTERPRISE", null);
    WebSession.Page record = admin.get("/organisations/" + org.id());
    assertThat(record.body()).contains(org.contact()).contains("/organisations/" + org.id() + "/contacts/unbind");
    follow(admin, admin.postForm("/organisations/" + org.id() + "/contacts/unbind", Map.of("username", org.contact()),
        true));
    assertThat(api.as("admin").get("/api/v1/organisation-contacts/" + org.id()).body()).doesNotContain(org.contact());
  }
}
