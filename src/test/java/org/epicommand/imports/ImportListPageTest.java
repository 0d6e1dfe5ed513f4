package org.epicommand.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The imports list says when each import started and finished, and never calls a fully rejected file done. */
@EpiCommandTest
class ImportListPageTest {

  @Autowired
  Api api;

  @Test
  void aFileWhoseRowsWereAllRejectedIsSaidSoWithItsTimes() {
    String file = "all-bad-" + UUID.randomUUID().toString().substring(0, 8) + ".csv";
    Api.Answer answer = api.as("cdc").upload("/api/v1/imports/cases?wait=true", file, ("caseRef,name,idType,idNumber,"
        + "sex,age,classification,onsetDate,diagnosedDate,jurisdictionCode,infectorRefs,cluster\n"
        + "X1,坏行甲,,,男,abc,CONFIRMED,2022-11-01,2022-11-02,990101001001,,\n"
        + "X2,坏行乙,,,女,20,NOPE,2022-11-01,2022-11-02,990101001001,,\n").getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("rowsImported").asInt()).isZero();
    assertThat(answer.json().get("rowsRejected").asInt()).isEqualTo(2);
    // the API keeps its status; the pages name it
    assertThat(answer.json().get("status").asString()).isEqualTo("DONE");

    String page = api.as("cdc").get("/imports", "text/html").body();
    int row = page.indexOf(file);
    assertThat(row).isPositive();
    String line = page.substring(row, page.indexOf("</tr>", row));
    assertThat(line).contains("data-status=\"ALL_REJECTED\"").contains("全部被拒绝").doesNotContain("已完成");
    assertThat(line).containsPattern("data-testid=\"import-started\">\\s*20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d")
        .containsPattern("data-testid=\"import-finished\">\\s*20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    String detail = api.as("cdc").get("/imports/" + answer.json().get("importId").asString(), "text/html").body();
    assertThat(detail).contains("全部被拒绝");
  }
}
