package org.epicommand.tipoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.sentinel.SentinelFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.CityTime;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.tipoff.internal.PublicTipOffLimit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tip-offs through HTTP: the public form with its bad inputs (nothing stored), the receipt and its
 * status, the 11th request of a minute refused (429); the lifecycle from the hotline to the reward with
 * each illegal move refused naming the current state; the informant seen by the office alone; lists
 * and records kept to the jurisdiction; concealment referred once.
 */
@EpiCommandTest
public class TipOffApiTest {

  public static final String COMMUNITY = OrganisationFixtures.COMMUNITY;
  static final String OTHER_COMMUNITY = "990101001002";
  public static final String OFFICE = "tipoff";

  @Autowired
  Api api;
  @Autowired
  PublicTipOffLimit limit;
  @Autowired
  JdbcClient jdbc;

  @BeforeEach
  void freshLimit() {
    limit.reset();
  }

  /**
   * Files a public tip-off about {@code subject} with an informant (name, phone, document, payment account) and
   * answers its id as the office finds it by its receipt.
   */
  public static String withInformant(Api api, String subject, String... informant) {
    Map<String, Object> body = tip("OTHER", COMMUNITY, subject);
    body.put("informantName", informant[0]);
    body.put("informantPhone", informant[1]);
    body.put("informantDocument", informant[2]);
    body.put("informantPaymentAccount", informant[3]);
    Api.Answer sent = api.anonymous().post("/api/v1/public/tip-offs", body);
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    return api.as(OFFICE).get("/api/v1/tip-offs?state=RECEIVED&size=500").json().get("items").valueStream()
        .filter(t -> t.get("receipt").asString().equals(sent.json().get("receipt").asString())).findFirst()
        .orElseThrow().get("id").asString();
  }

  public static Map<String, Object> tip(String topic, String community, String description) {
    Map<String, Object> body = new HashMap<>(Map.of("topic", topic, "address", "幸福小区 5 号楼",
        "jurisdictionCode", community, "description", description, "subject", "5 号楼住户"));
    body.put("informantName", "举报人甲");
    body.put("informantPhone", "13800138001");
    return body;
  }

  @Test
  void thePublicGetsAReceiptAndItsStatusAndBadInputIsRefusedFieldByField() {
    long before = count();
    Map<String, Object> bad = new HashMap<>(Map.of("topic", "GATHERING", "address", " ", "jurisdictionCode",
        "990101001", "description", "很".repeat(2001), "informantPhone", "12345"));
    Api.Answer refused = api.anonymous().post("/api/v1/public/tip-offs", bad);
    assertThat(fields(refused)).containsExactlyInAnyOrder("address", "jurisdictionCode", "description",
        "informantPhone");
    assertThat(fields(api.anonymous().post("/api/v1/public/tip-offs", Map.of()))).contains("topic", "address",
        "description", "jurisdictionCode");
    assertThat(count()).isEqualTo(before);

    Api.Answer sent = api.anonymous().post("/api/v1/public/tip-offs", tip("GATHERING", COMMUNITY, "每晚聚集打牌"));
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    String receipt = sent.json().get("receipt").asString();
    assertThat(receipt).matches("JB[2-9A-HJ-NP-Z]{10}");
    assertThat(sent.json().get("status").asString()).isEqualTo("RECEIVED");
    assertThat(sent.body()).doesNotContain("举报人甲").doesNotContain("13800138001").doesNotContain("每晚聚集");
    Api.Answer status = api.anonymous().get("/api/v1/public/tip-offs/" + receipt.toLowerCase());
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().get("status").asString()).isEqualTo("RECEIVED");
    assertThat(status.body()).doesNotContain("举报人甲").doesNotContain("幸福小区");
    assertThat(api.anonymous().get("/api/v1/public/tip-offs/JB0000000000").status()).isEqualTo(404);
    assertThat(count()).isEqualTo(before + 1);
    // an illegal border crossing is a topic of its own, which the office filters by
    Api.Answer entry = api.anonymous().post("/api/v1/public/tip-offs", tip("ILLEGAL_ENTRY", COMMUNITY,
        "邻居家有人从边境小路偷渡回来"));
    assertThat(entry.status()).as(entry.body()).isEqualTo(201);
    assertThat(api.as(OFFICE).get("/api/v1/tip-offs?topic=ILLEGAL_ENTRY&state=ALL&size=200").json().get("items")
        .valueStream().map(t -> t.get("topic").asString()).distinct().toList()).containsExactly("ILLEGAL_ENTRY");
  }

  /** Another account of the tip-off office of the demo city; its username. */
  static String secondOffice(Api api) {
    String username = "office" + System.nanoTime() % 1_000_000L;
    Api.Answer user = api.as("admin").post("/api/v1/users", Map.of("username", username, "password", "Office1234567",
        "roles", List.of("TIP_OFF_OFFICE"), "jurisdictionCode", "990100"));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    return username;
  }

  @Test
  void theEleventhPublicRequestOfAMinuteIsRefused() {
    for (int i = 0; i < 10; i++) {
      assertThat(api.anonymous().post("/api/v1/public/tip-offs", Map.of()).status()).isEqualTo(400);
    }
    Api.Answer limited = api.anonymous().post("/api/v1/public/tip-offs", tip("OTHER", COMMUNITY, "第十一次"));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
    assertThat(limited.header("Retry-After")).isEqualTo("60");
    assertThat(api.anonymous().get("/api/v1/public/tip-offs/JB0000000000").status()).isEqualTo(429);
    limit.reset();
    assertThat(api.anonymous().get("/api/v1/public/tip-offs/JB0000000000").status()).isEqualTo(404);
  }

  @Test
  void aHotlineTipOffIsVerifiedRewardedAndClosedAndEveryIllegalMoveNamesTheState() {
    Api.Caller office = api.as(OFFICE);
    Api.Caller community = api.as("community");
    assertThat(fields(office.post("/api/v1/tip-offs", tip("GATHERING", COMMUNITY, "热线"))))
        .containsExactly("channel");
    Map<String, Object> hotline = tip("CONCEALED_TRAVEL", COMMUNITY, "从外地返回未报备");
    hotline.put("channel", "HOTLINE");
    Api.Answer made = office.post("/api/v1/tip-offs", hotline);
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String id = made.json().get("id").asString();
    String path = "/api/v1/tip-offs/" + id;
    assertThat(made.json().get("channel").asString()).isEqualTo("HOTLINE");
    assertThat(made.json().has("anonymous")).isFalse();
    assertThat(made.body()).doesNotContain("举报人甲").doesNotContain("13800138001");

    // not yet assigned: the community does not see it
    assertThat(community.get(path).status()).isEqualTo(404);
    assertIllegal(community.post(path + "/verify", Map.of("outcome", "CONFIRMED", "findings", "x")), 404, null);
    assertIllegal(office.post(path + "/propose-reward", Map.of("amount", 500)), 409, "RECEIVED");
    assertIllegal(office.post(path + "/close", Map.of()), 409, "RECEIVED");
    assertThat(fields(office.post(path + "/assign", Map.of("communityCode", "990102001001x")))).containsExactly(
        "communityCode");
    Api.Answer assigned = office.post(path + "/assign", Map.of("note", "请核实"));
    assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    assertThat(assigned.json().get("state").asString()).isEqualTo("ASSIGNED");
    assertThat(assigned.json().get("assignedCode").asString()).isEqualTo(COMMUNITY);
    assertThat(assigned.json().get("dueAt").asString()).isNotBlank();
    assertIllegal(office.post(path + "/assign", Map.of()), 409, "ASSIGNED");
    assertIllegal(office.post(path + "/reject", Map.of("reason", "UNFOUNDED")), 409, "ASSIGNED");

    // the community verifies: bad input first, nothing changes
    assertThat(fields(community.post(path + "/verify", Map.of("findings", " ")))).containsExactlyInAnyOrder(
        "outcome", "findings");
    assertThat(community.get(path).json().get("state").asString()).isEqualTo("ASSIGNED");
    assertThat(community.post(path + "/start", Map.of()).json().get("state").asString()).isEqualTo("VERIFYING");
    assertIllegal(community.post(path + "/start", Map.of()), 409, "VERIFYING");
    Api.Answer verified = community.post(path + "/verify", Map.of("outcome", "CONFIRMED", "findings", "属实"));
    assertThat(verified.json().get("state").asString()).isEqualTo("SUBSTANTIATED");
    assertIllegal(community.post(path + "/verify", Map.of("outcome", "UNFOUNDED", "findings", "再核")), 409,
        "SUBSTANTIATED");
    assertThat(community.post(path + "/propose-reward", Map.of("amount", 1)).status()).isEqualTo(403);

    // the reward
    assertThat(fields(office.post(path + "/propose-reward", Map.of("amount", -5)))).containsExactly("amount");
    assertThat(fields(office.post(path + "/propose-reward", Map.of("amount", 100001)))).containsExactly("amount");
    assertIllegal(office.post(path + "/pay", Map.of()), 409, "SUBSTANTIATED");
    assertThat(office.post(path + "/propose-reward", Map.of("amount", 500)).json().get("state").asString())
        .isEqualTo("REWARD_PROPOSED");
    assertIllegal(office.post(path + "/propose-reward", Map.of("amount", 800)), 409, "REWARD_PROPOSED");
    assertIllegal(office.post(path + "/close", Map.of()), 409, "REWARD_PROPOSED");
    assertThat(fields(office.post(path + "/decline-reward", Map.of()))).containsExactly("note");
    // four eyes: the proposer may not approve; another of the office may, and is recorded
    Api.Answer own = office.post(path + "/approve-reward", Map.of());
    assertIllegal(own, 409, "REWARD_PROPOSED");
    assertThat(own.json().get("detail").asString()).contains(OFFICE);
    assertThat(own.json().get("proposedBy").asString()).isEqualTo(OFFICE);
    Api.Caller second = api.as(secondOffice(api), "Office1234567");
    Api.Answer approved = second.post(path + "/approve-reward", Map.of());
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().get("state").asString()).isEqualTo("REWARD_APPROVED");
    assertThat(approved.json().get("rewardProposedBy").asString()).isEqualTo(OFFICE);
    assertThat(approved.json().get("rewardApprovedBy").asString()).isNotEqualTo(OFFICE).isNotBlank();
    assertIllegal(office.post(path + "/decline-reward", Map.of("note", "晚了")), 409, "REWARD_APPROVED");
    Api.Answer paid = office.post(path + "/pay", Map.of("note", "转账 2022-001"));
    assertThat(paid.json().get("state").asString()).isEqualTo("REWARD_PAID");
    assertThat(paid.json().get("rewardAmount").decimalValue()).isEqualByComparingTo("500");
    assertThat(paid.json().get("paymentReference").asString()).isEqualTo("转账 2022-001");
    assertThat(office.post(path + "/close", Map.of()).json().get("state").asString()).isEqualTo("CLOSED");
    assertIllegal(office.post(path + "/close", Map.of()), 409, "CLOSED");
    String receipt = made.json().get("receipt").asString();
    assertThat(api.anonymous().get("/api/v1/public/tip-offs/" + receipt).json().get("status").asString())
        .isEqualTo("CLOSED");

    // concealment is referred once, with its evidence; a decision is recorded once
    assertThat(fields(office.post(path + "/referral", Map.of("evidence", "")))).containsExactlyInAnyOrder(
        "concealed", "referredTo", "evidence");
    Api.Answer referred = office.post(path + "/referral", Map.of("concealed", "TRAVEL", "referredTo",
        "PUBLIC_SECURITY", "evidence", "询问笔录；行程卡显示曾到中风险地区", "legalBasis", "刑法第三百三十条"));
    assertThat(referred.status()).as(referred.body()).isEqualTo(201);
    String referralId = referred.json().get("referral").get("id").asString();
    assertThat(referred.json().get("referral").get("state").asString()).isEqualTo("REFERRED");
    // the evidence's files: typed by their bytes, the office's alone
    Api.Answer pdf = office.upload(path + "/referral/files", "询问笔录.pdf",
        "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(pdf.status()).as(pdf.body()).isEqualTo(201);
    String fileId = pdf.json().get("id").asString();
    assertThat(pdf.json().get("contentType").asString()).isEqualTo("application/pdf");
    assertThat(office.upload(path + "/referral/files", "a.pdf", "a,b\n".getBytes()).status()).isEqualTo(415);
    assertThat(fields(office.upload(path + "/referral/files", "empty.pdf", new byte[0]))).containsExactly("file");
    Api.Answer download = office.get(path + "/referral/files/" + fileId, "*/*");
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.header("Content-Type")).startsWith("application/pdf");
    assertThat(download.body()).startsWith("%PDF-1.4");
    assertThat(office.get(path + "/referral/files/" + java.util.UUID.randomUUID(), "*/*").status()).isEqualTo(404);
    assertThat(community.get(path + "/referral/files/" + fileId, "*/*").status()).isEqualTo(403);
    assertThat(office.get(path).json().get("referral").get("files").get(0).get("fileName").asString())
        .isEqualTo("询问笔录.pdf");
    Api.Answer again = office.post(path + "/referral", Map.of("concealed", "TRAVEL", "referredTo", "CDC",
        "evidence", "再次"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(referralId);
    assertThat(fields(office.post(path + "/referral/decision", Map.of("outcome", "FINE", "decidedOn",
        "2999-01-01")))).containsExactly("decidedOn");
    Api.Answer decided = office.post(path + "/referral/decision", Map.of("outcome", "FINE", "decidedOn",
        CityTime.today().minusDays(1).toString()));
    assertThat(decided.json().get("referral").get("outcome").asString()).isEqualTo("FINE");
    assertIllegal(office.post(path + "/referral/decision", Map.of("outcome", "WARNING", "decidedOn",
        CityTime.today().minusDays(1).toString())), 409, "DECIDED");
    assertIllegal(office.upload(path + "/referral/files", "late.pdf", "%PDF-1.4\n".getBytes()), 409, "DECIDED");
  }

  @Test
  void aTipOffsInformantIs404ToTheCommunityWorkerVerifyingIt() {
    Api.Caller office = api.as(OFFICE);
    Api.Answer sent = api.anonymous().post("/api/v1/public/tip-offs", tip("QUARANTINE_BREACH", COMMUNITY, "擅自外出"));
    String id = office.get("/api/v1/tip-offs?state=RECEIVED&size=200").json().get("items").valueStream()
        .filter(t -> t.get("receipt").asString().equals(sent.json().get("receipt").asString())).findFirst()
        .orElseThrow().get("id").asString();
    assertThat(office.post("/api/v1/tip-offs/" + id + "/assign", Map.of()).status()).isEqualTo(200);

    Api.Answer seen = api.as("community").get("/api/v1/tip-offs/" + id);
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.json().get("subject").asString()).isEqualTo("5 号楼住户");
    assertThat(seen.body()).doesNotContain("举报人甲").doesNotContain("13800138001").doesNotContain("127.0.0.1");
    assertThat(api.as("community").get("/api/v1/tip-offs/" + id + "/informant").status()).isEqualTo(404);
    assertThat(api.as("commander").get("/api/v1/tip-offs/" + id + "/informant").status()).isEqualTo(404);
    assertThat(api.as("district").get("/api/v1/tip-offs/" + id + "/informant").status()).isEqualTo(404);

    Api.Answer informant = office.get("/api/v1/tip-offs/" + id + "/informant");
    assertThat(informant.status()).isEqualTo(200);
    assertThat(informant.json().get("name").asString()).isEqualTo("举报人甲");
    assertThat(informant.json().get("phone").asString()).isEqualTo("13800138001");
    assertThat(informant.json().get("clientAddress").asString()).isNotBlank();
    assertThat(informant.json().get("anonymous").asBoolean()).isFalse();
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'TIP_OFF_INFORMANT' and subject_id = ?"
        + " and username = 'tipoff' and action = 'READ'").param(id).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void listsAndRecordsStayInsideTheJurisdiction() {
    Api.Caller office = api.as(OFFICE);
    Map<String, Object> elsewhere = tip("GATHERING", OTHER_COMMUNITY, "别的社区聚集");
    elsewhere.put("channel", "IN_PERSON");
    String id = office.post("/api/v1/tip-offs", elsewhere).json().get("id").asString();
    Map<String, Object> here = tip("PRICE_GOUGING", COMMUNITY, "口罩涨价");
    here.put("channel", "LETTER");
    String ours = office.post("/api/v1/tip-offs", here).json().get("id").asString();
    assertThat(office.post("/api/v1/tip-offs/" + id + "/assign", Map.of()).status()).isEqualTo(200);
    assertThat(office.post("/api/v1/tip-offs/" + ours + "/assign", Map.of()).status()).isEqualTo(200);

    String neighbour = SentinelFixtures.account(api, "grid", "COMMUNITY_WORKER", OTHER_COMMUNITY);
    Api.Caller other = api.as(neighbour, SentinelFixtures.CLERK_PASSWORD);
    assertThat(other.get("/api/v1/tip-offs/" + id).status()).isEqualTo(200);
    assertThat(other.get("/api/v1/tip-offs/" + ours).status()).isEqualTo(404);
    assertThat(other.post("/api/v1/tip-offs/" + ours + "/start", Map.of()).status()).isEqualTo(404);
    List<String> theirs = ids(other.get("/api/v1/tip-offs?state=ALL&size=200"));
    assertThat(theirs).contains(id).doesNotContain(ours);
    List<String> mine = ids(api.as("community").get("/api/v1/tip-offs?state=VERIFICATION&size=200"));
    assertThat(mine).contains(ours).doesNotContain(id);
    assertThat(ids(api.as("district").get("/api/v1/tip-offs?state=ALL&size=200"))).contains(id, ours);
    assertThat(api.as("district").get("/api/v1/tip-offs?jurisdiction=990102&size=5").status()).isEqualTo(404);
    assertThat(ids(office.get("/api/v1/tip-offs?topic=PRICE_GOUGING&state=ALL&size=200"))).contains(ours)
        .doesNotContain(id);
    assertThat(fields(office.get("/api/v1/tip-offs?state=NONSENSE"))).containsExactly("state");

    // the office turns a duplicate down: it must name an earlier tip-off
    Map<String, Object> twice = tip("PRICE_GOUGING", COMMUNITY, "同一店铺口罩涨价");
    twice.put("channel", "HOTLINE");
    String dup = office.post("/api/v1/tip-offs", twice).json().get("id").asString();
    assertThat(fields(office.post("/api/v1/tip-offs/" + dup + "/reject", Map.of("reason", "DUPLICATE"))))
        .containsExactly("duplicateOf");
    assertThat(fields(office.post("/api/v1/tip-offs/" + dup + "/reject", Map.of("reason", "DUPLICATE",
        "duplicateOf", dup)))).containsExactly("duplicateOf");
    Api.Answer rejected = office.post("/api/v1/tip-offs/" + dup + "/reject", Map.of("reason", "DUPLICATE",
        "duplicateOf", ours));
    assertThat(rejected.json().get("state").asString()).isEqualTo("DUPLICATE");
    assertIllegal(office.post("/api/v1/tip-offs/" + dup + "/assign", Map.of()), 409, "DUPLICATE");
    assertIllegal(office.post("/api/v1/tip-offs/" + dup + "/propose-reward", Map.of("amount", 100)), 409,
        "DUPLICATE");
    Api.Answer gathering = office.post("/api/v1/tip-offs/" + ours + "/referral", Map.of("concealed", "TRAVEL",
        "referredTo", "CDC", "evidence", "无"));
    assertThat(gathering.status()).isEqualTo(409);
    assertThat(api.as("commander").post("/api/v1/tip-offs/" + ours + "/assign", Map.of()).status()).isEqualTo(403);
    assertThat(api.as("community").post("/api/v1/tip-offs", here).status()).isEqualTo(403);
  }

  private long count() {
    return jdbc.sql("select count(*) from tipoff").query(Long.class).single();
  }

  private static List<String> ids(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().get("items").valueStream().map(t -> t.get("id").asString()).toList();
  }

  private static void assertIllegal(Api.Answer answer, int status, String state) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    if (state != null) {
      assertThat(answer.json().get("currentState").asString()).isEqualTo(state);
      assertThat(answer.json().get("detail").asString()).contains(state);
    }
  }

  static List<String> fields(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    return answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
  }
}
