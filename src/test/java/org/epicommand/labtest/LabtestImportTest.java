package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.RESULTS_HEADER;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.errors;
import static org.epicommand.labtest.LabtestFixtures.persons;
import static org.epicommand.labtest.LabtestFixtures.tubeRows;
import static org.epicommand.labtest.LabtestFixtures.upload;

import java.nio.charset.Charset;
import java.util.List;
import org.epicommand.labtest.LabtestFixtures.Member;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class LabtestImportTest extends RecordsLabtestEvents {

  static final String SITE = "S990101001001";
  static final String COMMUNITY = DemoPlaces.COMMUNITY;

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Test
  void positivePoolPutsMembersOnTheRetestListAndSingleRetestsReleaseOrConfirm() {
    List<Member> members = persons(api, 10, COMMUNITY);
    String pool = "P" + System.nanoTime();
    JsonNode tubes = upload(api, "lab", "tubes", TUBES_HEADER + tubeRows(pool, "POOL_10", members, SITE,
        "2022-11-11T08:00:00+08:00"));
    assertThat(tubes.get("rowsImported").asLong()).isEqualTo(10);
    JsonNode tube = api.as("community").get("/api/v1/tubes/" + pool).json();
    assertThat(tube.get("kind").asString()).isEqualTo("POOL_10");
    assertThat(tube.get("state").asString()).isEqualTo("COLLECTED");
    assertThat(tube.get("members").size()).isEqualTo(10);

    long start = System.nanoTime();
    JsonNode results = upload(api, "lab", "results", RESULTS_HEADER + pool
        + ",,24.5,26.1,LAB01,2022-11-11T20:00:00+08:00\n");
    assertThat(results.get("rowsImported").asLong()).isEqualTo(1);
    JsonNode retests = api.as("community").get("/api/v1/retests?jurisdiction=" + COMMUNITY + "&size=500").json();
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> waiting = retests.get("items").valueStream().filter(i -> i.get("poolBarcode").asString().equals(pool))
        .map(i -> i.get("personId").asString()).toList();
    assertThat(waiting).containsExactlyInAnyOrderElementsOf(members.stream().map(Member::personId).toList());
    assertThat(seconds).as("retest list ready after the result").isLessThan(5);
    tube = api.as("community").get("/api/v1/tubes/" + pool).json();
    assertThat(tube.get("state").asString()).isEqualTo("RESULTED");
    assertThat(tube.get("result").asString()).isEqualTo("POSITIVE");
    assertThat(tube.get("members").valueStream().map(m -> m.get("retestState").asString()).distinct().toList())
        .containsExactly("AWAITING_RETEST");
    PositivePoolFound event = positivePools().stream().filter(e -> e.tubeBarcode().equals(pool)).findFirst()
        .orElseThrow();
    assertThat(event.memberPersonIds()).hasSize(10);
    assertThat(event.samplingDate()).isEqualTo(java.time.LocalDate.of(2022, 11, 11));

    // the members come under temporary control (quarantine listens to the event)
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        api.as("community").get("/api/v1/quarantine/orders?jurisdiction=" + COMMUNITY + "&size=500").body())
        .contains(members.get(0).personId(), members.get(9).personId()));

    // retests: member 0 negative (released), member 1 positive (confirmed, case flow)
    String negative = "R" + System.nanoTime();
    String positive = "Q" + System.nanoTime();
    upload(api, "lab", "tubes", TUBES_HEADER + tubeRows(negative, "SINGLE", members.subList(0, 1), SITE,
        "2022-11-12 08:00") + tubeRows(positive, "SINGLE", members.subList(1, 2), SITE, "2022-11-12 08:05"));
    upload(api, "lab", "results", RESULTS_HEADER + negative + ",NEGATIVE,,,LAB01,2022-11-12T18:00:00+08:00\n"
        + positive + ",,30,31.5,LAB02,2022-11-12T18:00:00+08:00\n");
    tube = api.as("community").get("/api/v1/tubes/" + pool).json();
    assertThat(tube.get("members").valueStream()
        .filter(m -> m.get("personId").asString().equals(members.get(0).personId())).findFirst().orElseThrow()
        .get("retestState").asString()).isEqualTo("RETESTED_NEGATIVE");
    assertThat(tube.get("members").valueStream()
        .filter(m -> m.get("personId").asString().equals(members.get(1).personId())).findFirst().orElseThrow()
        .get("retestState").asString()).isEqualTo("CONFIRMED_POSITIVE");
    retests = api.as("community").get("/api/v1/retests?size=500").json();
    assertThat(retests.get("items").valueStream().filter(i -> i.get("poolBarcode").asString().equals(pool)).count())
        .isEqualTo(8);
    assertThat(published).anySatisfy(e -> assertThat(e).isEqualTo(new SingleTubePositive(positive,
        java.util.UUID.fromString(members.get(1).personId()), java.time.LocalDate.of(2022, 11, 12))));
    assertThat(published).noneMatch(e -> e instanceof SingleTubePositive s && s.tubeBarcode().equals(negative));

    // the other modules act on it: temporary control for the pool's members, released by the
    // negative retest; the investigators hear of the positive single tube
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
      String orders = api.as("community").get("/api/v1/quarantine/orders?jurisdiction=" + COMMUNITY + "&size=500")
          .body();
      for (Member member : members) {
        assertThat(orders).contains(member.personId());
      }
      JsonNode page = api.as("community").get("/api/v1/quarantine/orders?jurisdiction=" + COMMUNITY + "&size=500")
          .json();
      JsonNode released = page.get("items").valueStream()
          .filter(o -> o.get("personId").asString().equals(members.get(0).personId())).findFirst().orElseThrow();
      assertThat(released.get("reason").asString()).isEqualTo("POSITIVE_POOL");
      assertThat(released.get("state").asString()).isEqualTo("RELEASED");
      JsonNode waitingOrder = page.get("items").valueStream()
          .filter(o -> o.get("personId").asString().equals(members.get(2).personId())).findFirst().orElseThrow();
      assertThat(waitingOrder.get("state").asString()).isEqualTo("ACTIVE");
      assertThat(api.as("cdc").get("/api/v1/notifications?size=100").body()).contains("POSITIVE_TEST",
          "/cases/new?personId=" + members.get(1).personId());
    });
  }

  @Test
  void aBadResultsFileReportsEveryRowLandsTheValidOnesAndChangesNothingTheSecondTime() {
    List<Member> members = persons(api, 4, COMMUNITY);
    String prefix = "B" + System.nanoTime() + "-";
    StringBuilder tubes = new StringBuilder(TUBES_HEADER);
    for (int i = 0; i < 4; i++) {
      tubes.append(tubeRows(prefix + i, "SINGLE", members.subList(i, i + 1), SITE, "2022-11-13T09:00:00+08:00"));
    }
    upload(api, "lab", "tubes", tubes.toString());
    String csv = RESULTS_HEADER
        + prefix + "0,阴性,38,39,LAB01,2022-11-13 20:00\n"          // 2: valid
        + prefix + "X,NEGATIVE,,,LAB01,2022-11-13 20:00\n"          // 3: unknown barcode
        + prefix + "1,NEGATIVE,abc,36,LAB01,2022-11-13 20:00\n"     // 4: Ct as text
        + prefix + "2,NEGATIVE,,,LAB01,2022-11-13 20:00\n"          // 5: valid
        + prefix + "2,POSITIVE,,,LAB01,2022-11-13 20:00\n"          // 6: duplicate barcode
        + prefix + "3,NEGATIVE,,,LAB09,2022-11-13 20:00\n"          // 7: unknown lab
        + prefix + "1,NEGATIVE,,,LAB01,13/11/2022\n"                 // 8: bad instant
        + prefix + "3,NEG";                                          // 9: truncated last line
    byte[] gbk = csv.getBytes(Charset.forName("GBK"));
    JsonNode status = upload(api, "lab", "results", gbk);
    assertThat(status.get("rowsTotal").asLong()).isEqualTo(8);
    assertThat(status.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(status.get("rowsAdded").asLong()).isEqualTo(2);
    assertThat(errors(status)).containsExactly("3:tubeBarcode", "4:ctOrf1ab", "6:tubeBarcode", "7:labCode",
        "8:reportedAt", "9:");
    JsonNode first = api.as("lab").get("/api/v1/tubes/" + prefix + "0").json();
    assertThat(first.get("result").asString()).isEqualTo("NEGATIVE");
    assertThat(api.as("lab").get("/api/v1/tubes/" + prefix + "2").json().get("result").asString())
        .isEqualTo("NEGATIVE");
    assertThat(api.as("lab").get("/api/v1/tubes/" + prefix + "1").json().get("result").isNull()).isTrue();
    String before = snapshot(prefix);

    JsonNode again = upload(api, "lab", "results", gbk);
    assertThat(again.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(again.get("rowsAdded").asLong()).isZero();
    assertThat(again.get("rowsAlreadyPresent").asLong()).isEqualTo(2);
    assertThat(errors(again)).containsExactly("3:tubeBarcode", "4:ctOrf1ab", "6:tubeBarcode", "7:labCode",
        "8:reportedAt", "9:");
    assertThat(snapshot(prefix)).isEqualTo(before);

    // a different result for a resulted tube is refused, not overwritten
    JsonNode changed = upload(api, "lab", "results", RESULTS_HEADER + prefix + "0,POSITIVE,,,LAB01,2022-11-13 20:00\n");
    assertThat(errors(changed)).containsExactly("2:result");
    assertThat(snapshot(prefix)).isEqualTo(before);
  }

  @Test
  void aBadTubesFileReportsEveryRowAndAReimportAddsNoMember() {
    List<Member> members = persons(api, 7, COMMUNITY);
    String pool = "T" + System.nanoTime();
    String csv = TUBES_HEADER
        + tubeRows(pool, "POOL_5", members.subList(0, 6), SITE, "2022-11-14T09:00:00+08:00")   // 2-7: 7 is the 6th
        + pool + ",POOL_5,RESIDENT_ID," + members.get(0).idNumber() + "," + SITE
            + ",2022-11-14T09:00:00+08:00\n" // 8: dup
        + pool + "S,SINGLE,RESIDENT_ID,650106199901011234," + SITE
            + ",2022-11-14T09:00:00+08:00\n"  // 9: unknown person
        + pool + "S,SINGLE,RESIDENT_ID," + members.get(6).idNumber() + ",NOSITE,2022-11-14T09:00:00+08:00\n" // 10
        + pool + "S,POOL_7,RESIDENT_ID," + members.get(6).idNumber() + "," + SITE + ",2022-11-14T09:00:00+08:00\n" // 11
        + pool + "S,SINGLE,RESIDENT_ID," + members.get(6).idNumber() + "," + SITE + ",yesterday\n"; // 12
    JsonNode status = upload(api, "lab", "tubes", csv);
    assertThat(status.get("rowsImported").asLong()).isEqualTo(5);
    assertThat(errors(status)).containsExactly("7:tubeBarcode", "8:memberIdNumber", "9:memberIdNumber",
        "10:siteCode", "11:kind", "12:collectedAt");
    assertThat(members(pool)).isEqualTo(5);
    JsonNode again = upload(api, "lab", "tubes", csv);
    assertThat(again.get("rowsImported").asLong()).isEqualTo(5);
    assertThat(members(pool)).isEqualTo(5);
    // the same tube described with another kind later is a conflict
    JsonNode conflict = upload(api, "lab", "tubes", TUBES_HEADER
        + tubeRows(pool, "POOL_10", members.subList(6, 7), SITE, "2022-11-14T09:00:00+08:00"));
    assertThat(errors(conflict)).containsExactly("2:tubeBarcode");
  }

  @Test
  void tubesAreScopedToTheCallersJurisdiction() {
    List<Member> here = persons(api, 1, COMMUNITY);
    List<Member> elsewhere = persons(api, 2, DemoPlaces.OTHER_DISTRICT_COMMUNITY);
    String mixed = "M" + System.nanoTime();
    String away = "A" + System.nanoTime();
    upload(api, "commander", "tubes", TUBES_HEADER + tubeRows(mixed, "POOL_5", List.of(here.get(0), elsewhere.get(0)),
        SITE, "2022-11-15T09:00:00+08:00") + tubeRows(away, "SINGLE", elsewhere.subList(1, 2), SITE,
        "2022-11-15T09:00:00+08:00"));
    JsonNode seen = api.as("community").get("/api/v1/tubes/" + mixed).json();
    assertThat(seen.get("members").valueStream().map(m -> m.get("personId").asString()).toList())
        .containsExactly(here.get(0).personId());
    assertThat(api.as("commander").get("/api/v1/tubes/" + mixed).json().get("members").size()).isEqualTo(2);
    Api.Answer hidden = api.as("community").get("/api/v1/tubes/" + away);
    assertThat(hidden.status()).isEqualTo(404);
    Api.Answer missing = api.as("community").get("/api/v1/tubes/NOPE" + away);
    assertThat(hidden.json().get("detail")).isEqualTo(missing.json().get("detail"));
    assertThat(api.as("district").get("/api/v1/tubes/" + away).status()).isEqualTo(404);
    assertThat(api.as("community").get("/api/v1/tubes/NOPE" + away).status()).isEqualTo(404);
    // the lab sees every tube it handles
    assertThat(api.as("lab").get("/api/v1/tubes/" + away).json().get("members").size()).isEqualTo(1);
    assertThat(api.as("community").get("/api/v1/retests?jurisdiction=990102001001").status()).isEqualTo(404);
  }

  private String snapshot(String prefix) {
    return jdbc.sql("""
        select string_agg(barcode || ':' || state || ':' || coalesce(result, '-') || ':' || coalesce(ct_orf1ab::text,
          '-')
          || ':' || coalesce(result_line::text, '-'), ',' order by barcode)
        from labtest_tube where barcode like ?
        """).param(prefix + "%").query(String.class).single();
  }

  private long members(String barcode) {
    return jdbc.sql(
        "select count(*) from labtest_tube_member m join labtest_tube t on t.id = m.tube_id where t.barcode = ?")
        .param(barcode).query(Long.class).single();
  }
}
