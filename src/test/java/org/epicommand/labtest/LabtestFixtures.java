package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.epicommand.support.Api;
import org.epicommand.support.People;
import tools.jackson.databind.JsonNode;

/** Persons registered through the API with fresh resident ID numbers, and import uploads, for the labtest tests. */
public final class LabtestFixtures {

  /** A birth region no other test uses. */
  public static final String REGION = "650106";
  private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 5000));

  public record Member(String idNumber, String personId) {}

  private LabtestFixtures() {}

  /** A fresh valid resident ID number of someone born in the 1940s in the labtest tests' own region. */
  public static String residentId() {
    // the birth day and the serial both from this fixture's own counter: a number is never handed out twice (a
    // serial from the shared sequence could come round again within one birth day and meet a person registered)
    int n = NEXT.incrementAndGet();
    return People.validId(REGION, LocalDate.of(1940, 1, 1).plusDays(n / 900).toString().replace("-", ""),
        n % 900 + 100);
  }

  /** {@code count} persons without address or phone in the community, each with a fresh resident ID number. */
  public static List<Member> persons(Api api, int count, String community) {
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = residentId();
      members.add(new Member(id, People.resident("检测" + i, community).at(null).phone(null).numbered(() -> id)
          .id(api)));
    }
    return members;
  }

  public static JsonNode upload(Api api, String user, String kind, String csv) {
    return upload(api, user, kind, csv.getBytes(StandardCharsets.UTF_8));
  }

  public static JsonNode upload(Api api, String user, String kind, byte[] content) {
    Api.Answer answer = api.as(user).upload("/api/v1/imports/" + kind + "?wait=true", kind + ".csv", content);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("status").asString()).as(answer.body()).isEqualTo("DONE");
    return answer.json();
  }

  public static List<String> errors(JsonNode status) {
    return status.get("errors").valueStream()
        .map(e -> e.get("row").asInt() + ":" + e.get("field").asString()).toList();
  }

  /** The tubes CSV of one tube and its members. */
  public static String tubeRows(String barcode, String kind, List<Member> members, String site, String collectedAt) {
    StringBuilder csv = new StringBuilder();
    for (Member m : members) {
      csv.append(barcode).append(',').append(kind).append(",RESIDENT_ID,").append(m.idNumber()).append(',')
          .append(site).append(',').append(collectedAt).append('\n');
    }
    return csv.toString();
  }

  public static final String TUBES_HEADER = "tubeBarcode,kind,memberIdType,memberIdNumber,siteCode,collectedAt\n";
  public static final String RESULTS_HEADER = "tubeBarcode,result,ctOrf1ab,ctN,labCode,reportedAt\n";
}
