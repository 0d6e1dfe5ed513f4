package org.epicommand.tipoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Concealment cases through HTTP: an investigator reports concealment on an investigation (once per kind: 409 naming
 * the report; bad fields 400, nothing stored) and the tip-off office finds the case open, told by a notice; the
 * office refers it, records the authority's decision and closes it, each illegal move a 409 naming the state; a case
 * opened by the office itself with its bad inputs refused field by field; an open case closed without referral only
 * with a reason; evidence files until the decision; cases of another district not found; reads audited.
 */
@EpiCommandTest
class ConcealmentCaseApiTest {

  static final String COMMUNITY = TipOffApiTest.COMMUNITY;
  static final String PASSWORD = "Concealment-Test-1";
  static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void anInvestigationsReportBecomesACaseTheOfficeRefersDecidesAndCloses() {
    String caseId = CaseFixtures.caseOf(api, "隐瞒行程者" + System.nanoTime() % 100_000, COMMUNITY, "CONFIRMED",
        LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
    String investigation = api.as("cdc").get("/api/v1/cases/" + caseId + "/investigation").json().get("id")
        .asString();
    String path = "/api/v1/investigations/" + investigation + "/concealment";
    assertThat(fields(api.as("cdc").post(path, Map.of("evidence", " ")))).containsExactlyInAnyOrder("concealed",
        "evidence");
    assertThat(cases(investigation)).isZero();
    Api.Answer flagged = api.as("cdc").post(path, Map.of("concealed", "TRAVEL", "evidence",
        "询问笔录：自述未外出；行程查询显示 3 日曾往返邻市。"));
    assertThat(flagged.status()).as(flagged.body()).isEqualTo(201);
    Api.Answer again = api.as("cdc").post(path, Map.of("concealed", "TRAVEL", "evidence", "再次报告"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(flagged.json().get("id").asString());
    assertThat(api.as("cdc").get(path).json().size()).isEqualTo(1);
    // evidence of the full 4,000 characters: the case holds it all, the office's notice quotes its beginning
    Api.Answer full = api.as("cdc").post(path, Map.of("concealed", "SYMPTOMS", "evidence", "发".repeat(4000)));
    assertThat(full.status()).as(full.body()).isEqualTo(201);

    await().atMost(Duration.ofSeconds(20)).until(() -> cases(investigation) == 2);
    Api.Caller office = api.as(TipOffApiTest.OFFICE);
    JsonNode listed = office.get("/api/v1/concealment-cases?size=500").json().get("items").valueStream()
        .filter(c -> investigation.equals(c.path("sourceId").asString(null)))
        .filter(c -> c.get("concealed").asString().equals("TRAVEL")).findFirst().orElseThrow();
    String id = listed.get("id").asString();
    assertThat(listed.get("state").asString()).isEqualTo("OPEN");
    assertThat(listed.get("source").asString()).isEqualTo("INVESTIGATION");
    assertThat(listed.get("concealed").asString()).isEqualTo("TRAVEL");
    assertThat(listed.get("subjectName").asString()).startsWith("隐瞒行程者");
    assertThat(listed.get("jurisdictionCode").asString()).isEqualTo(COMMUNITY);
    assertThat(jdbc.sql("select count(*) from notification where recipient = 'tipoff' and link = ?")
        .param("/concealment/" + id).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select evidence from concealment_case where source_id = ?::uuid and concealed = 'SYMPTOMS'")
        .param(investigation).query(String.class).single()).hasSize(4000);

    String one = "/api/v1/concealment-cases/" + id;
    long reads = audited(id);
    assertThat(office.get(one).json().get("evidence").asString()).contains("往返邻市");
    assertThat(audited(id)).isEqualTo(reads + 1);
    assertIllegal(office.post(one + "/decision", Map.of("outcome", "FINE", "decidedOn", today())), "OPEN");
    assertThat(fields(office.post(one + "/referral", Map.of("legalBasis", "法".repeat(201)))))
        .containsExactlyInAnyOrder("referredTo", "legalBasis");
    Api.Answer referred = office.post(one + "/referral", Map.of("referredTo", "PUBLIC_SECURITY", "legalBasis",
        "治安管理处罚法第五十条"));
    assertThat(referred.status()).as(referred.body()).isEqualTo(200);
    assertThat(referred.json().get("state").asString()).isEqualTo("REFERRED");
    assertThat(referred.json().get("referredBy").asString()).isEqualTo(TipOffApiTest.OFFICE);
    assertIllegal(office.post(one + "/referral", Map.of("referredTo", "CDC")), "REFERRED");
    assertIllegal(office.post(one + "/close", Map.of("note", "太早")), "REFERRED");

    Api.Answer file = office.upload(one + "/files", "询问笔录.pdf", PDF);
    assertThat(file.status()).as(file.body()).isEqualTo(201);
    String fileId = file.json().get("id").asString();
    assertThat(office.get(one + "/files/" + fileId, "*/*").body()).startsWith("%PDF-1.4");
    assertThat(office.get(one).json().get("files").get(0).get("fileName").asString()).isEqualTo("询问笔录.pdf");

    assertThat(fields(office.post(one + "/decision", Map.of("outcome", "FINE", "decidedOn",
        LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString())))).containsExactly("decidedOn");
    Api.Answer decided = office.post(one + "/decision", Map.of("outcome", "FINE", "decidedOn", today(), "note",
        "罚款 500 元"));
    assertThat(decided.json().get("state").asString()).isEqualTo("DECIDED");
    assertThat(decided.json().get("outcome").asString()).isEqualTo("FINE");
    assertIllegal(office.upload(one + "/files", "late.pdf", PDF), "DECIDED");
    assertIllegal(office.post(one + "/decision", Map.of("outcome", "WARNING", "decidedOn", today())), "DECIDED");
    Api.Answer closed = office.post(one + "/close", Map.of());
    assertThat(closed.json().get("state").asString()).isEqualTo("CLOSED");
    assertIllegal(office.post(one + "/close", Map.of()), "CLOSED");
    assertThat(office.get("/api/v1/concealment-cases?size=500").json().get("items").valueStream()
        .noneMatch(c -> c.get("id").asString().equals(id))).as("closed cases leave the default list").isTrue();
    assertThat(office.get("/api/v1/concealment-cases?state=CLOSED&size=500").json().get("items").valueStream()
        .anyMatch(c -> c.get("id").asString().equals(id))).isTrue();

    // the investigator sees the report, not the case; another district's office does not find it
    assertThat(api.as("cdc").get(one).status()).isEqualTo(403);
    String elsewhere = "office" + System.nanoTime() % 1_000_000L;
    assertThat(api.as("admin").post("/api/v1/users", Map.of("username", elsewhere, "password", PASSWORD, "roles",
        List.of("TIP_OFF_OFFICE"), "jurisdictionCode", "990102")).status()).isEqualTo(201);
    assertThat(api.as(elsewhere, PASSWORD).get(one).status()).isEqualTo(404);
    assertThat(api.as(elsewhere, PASSWORD).get("/api/v1/concealment-cases?state=ALL&size=500").json().get("items")
        .valueStream().noneMatch(c -> c.get("id").asString().equals(id))).isTrue();
    assertThat(api.as(elsewhere, PASSWORD).post(one + "/close", Map.of("note", "x")).status()).isEqualTo(404);
  }

  @Test
  void theOfficeOpensACaseItselfAndMayCloseItWithoutReferralOnlyWithAReason() {
    Api.Caller office = api.as(TipOffApiTest.OFFICE);
    long before = jdbc.sql("select count(*) from concealment_case").query(Long.class).single();
    assertThat(fields(office.post("/api/v1/concealment-cases", Map.of("jurisdictionCode", "110101001001",
        "evidence", "证".repeat(4001), "sourceReference", "号".repeat(101)))))
        .containsExactlyInAnyOrder("concealed", "subjectName", "jurisdictionCode", "evidence", "sourceReference");
    assertThat(fields(office.post("/api/v1/concealment-cases", Map.of("personId", UUID.randomUUID().toString(),
        "concealed", "SYMPTOMS", "jurisdictionCode", COMMUNITY, "evidence", "发热未报")))).containsExactly("personId");
    assertThat(jdbc.sql("select count(*) from concealment_case").query(Long.class).single()).isEqualTo(before);

    String person = CaseFixtures.person(api, "隐瞒病情者", COMMUNITY);
    Map<String, Object> body = new HashMap<>(Map.of("personId", person, "concealed", "SYMPTOMS", "jurisdictionCode",
        COMMUNITY, "evidence", "入户排查：发热三日未报告，自行服药。", "sourceReference", "入户排查第 12 号"));
    Api.Answer opened = office.post("/api/v1/concealment-cases", body);
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    assertThat(opened.json().get("state").asString()).isEqualTo("OPEN");
    assertThat(opened.json().get("source").asString()).isEqualTo("OFFICE");
    assertThat(opened.json().get("subjectName").asString()).isEqualTo("隐瞒病情者");
    String one = "/api/v1/concealment-cases/" + opened.json().get("id").asString();
    assertThat(fields(office.post(one + "/close", Map.of()))).containsExactly("note");
    assertThat(office.get(one).json().get("state").asString()).isEqualTo("OPEN");
    Api.Answer dismissed = office.post(one + "/close", Map.of("note", "经核实系误会，不予移送"));
    assertThat(dismissed.json().get("state").asString()).isEqualTo("CLOSED");
    assertThat(dismissed.json().get("closeNote").asString()).isEqualTo("经核实系误会，不予移送");
    assertIllegal(office.post(one + "/referral", Map.of("referredTo", "PUBLIC_SECURITY")), "CLOSED");

    Api.Answer named = office.post("/api/v1/concealment-cases", Map.of("subjectName", "王某", "concealed",
        "IDENTITY", "jurisdictionCode", COMMUNITY, "evidence", "冒用他人身份证登记"));
    assertThat(named.status()).as(named.body()).isEqualTo(201);
    assertThat(named.json().path("personId").isNull()).isTrue();
  }

  private long cases(String investigation) {
    return jdbc.sql("select count(*) from concealment_case where source = 'INVESTIGATION' and source_id = ?::uuid")
        .param(investigation).query(Long.class).single();
  }

  private long audited(String id) {
    return jdbc.sql("select count(*) from audit_event where subject_type = 'CONCEALMENT_CASE' and subject_id = ?"
        + " and action = 'READ'").param(id).query(Long.class).single();
  }

  private static String today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
  }

  private static void assertIllegal(Api.Answer answer, String state) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(409);
    assertThat(answer.json().get("currentState").asString()).isEqualTo(state);
  }

  static List<String> fields(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    return answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
  }
}
