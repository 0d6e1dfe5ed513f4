package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.epicommand.support.Api;
import tools.jackson.databind.JsonNode;

/** Persons registered through the API with fresh resident ID numbers, and import uploads, for the labtest tests. */
public final class LabtestFixtures {

  /** A birth region no other test uses. */
  public static final String REGION = "650106";
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";
  private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 5000));

  public record Member(String idNumber, String personId) {}

  private LabtestFixtures() {}

  public static String residentId() {
    int n = NEXT.incrementAndGet();
    String birth = java.time.LocalDate.of(1940, 1, 1).plusDays(n / 900).toString().replace("-", "");
    String body = REGION + birth + String.format("%03d", n % 900 + 100);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * WEIGHTS[i];
    }
    return body + CHECK.charAt(sum % 11);
  }

  public static List<Member> persons(Api api, int count, String community) {
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = residentId();
      Api.Answer created = api.as("commander").post("/api/v1/persons",
          "{\"name\":\"检测" + i + "\",\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + id
              + "\",\"jurisdictionCode\":\"" + community + "\"}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      members.add(new Member(id, created.json().get("id").asString()));
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
