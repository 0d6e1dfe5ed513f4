package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.RESULTS_HEADER;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.persons;
import static org.epicommand.labtest.LabtestFixtures.tubeRows;
import static org.epicommand.labtest.LabtestFixtures.upload;

import java.util.List;
import org.epicommand.labtest.LabtestFixtures.Member;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EpiCommandTest
class LabtestTransportTest {

  static final String SITE = "S990101001003";

  @Autowired
  Api api;

  @Test
  void tubesMoveThroughTransportAndRefuseIllegalMoves() {
    List<Member> members = persons(api, 2, "990101001003");
    String a = "TA" + System.nanoTime();
    String b = "TB" + System.nanoTime();
    upload(api, "lab", "tubes", TUBES_HEADER + tubeRows(a, "SINGLE", members.subList(0, 1), SITE,
        "2022-11-16T08:00:00+08:00") + tubeRows(b, "SINGLE", members.subList(1, 2), SITE, "2022-11-16T08:00:00+08:00"));
    String code = "TR" + System.nanoTime();
    Api.Answer handed = api.as("lab").post("/api/v1/transport-batches", """
        {"code": "%s", "siteCode": "%s", "labCode": "LAB01", "barcodes": ["%s", "%s"]}""".formatted(code, SITE, a, b));
    assertThat(handed.status()).as(handed.body()).isEqualTo(201);
    assertThat(handed.json().get("tubes").asInt()).isEqualTo(2);
    assertThat(api.as("lab").get("/api/v1/tubes/" + a).json().get("state").asString()).isEqualTo("IN_TRANSIT");

    Api.Answer again = api.as("lab").post("/api/v1/transport-batches", """
        {"code": "%s-2", "siteCode": "%s", "labCode": "LAB01", "barcodes": ["%s"]}""".formatted(code, SITE, a));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asString()).contains("IN_TRANSIT");
    Api.Answer unknown = api.as("lab").post("/api/v1/transport-batches", """
        {"code": "%s-3", "siteCode": "NOSITE", "labCode": "LAB01", "barcodes": ["NOPE%s"]}""".formatted(code, a));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .containsExactly("siteCode");

    // b is resulted on the way; receiving keeps its result and receives a
    upload(api, "lab", "results", RESULTS_HEADER + b + ",NEGATIVE,,,LAB01,2022-11-16T12:00:00+08:00\n");
    Api.Answer received = api.as("lab").post("/api/v1/transport-batches/" + code + "/receive", "{}");
    assertThat(received.status()).as(received.body()).isEqualTo(200);
    assertThat(received.json().get("receivedAt").isNull()).isFalse();
    assertThat(api.as("lab").get("/api/v1/tubes/" + a).json().get("state").asString()).isEqualTo("RECEIVED");
    assertThat(api.as("lab").get("/api/v1/tubes/" + b).json().get("state").asString()).isEqualTo("RESULTED");
    assertThat(api.as("lab").post("/api/v1/transport-batches/" + code + "/receive", "{}").status()).isEqualTo(409);
    assertThat(api.as("lab").post("/api/v1/transport-batches/NOPE" + code + "/receive", "{}").status()).isEqualTo(404);
    assertThat(api.as("community").post("/api/v1/transport-batches", "{}").status()).isEqualTo(403);
  }
}
