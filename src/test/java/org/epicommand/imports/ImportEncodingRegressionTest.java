package org.epicommand.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Files the import fuzzer found handled silently wrong: mixed encodings, a BOM, broken quotes. */
@EpiCommandTest
class ImportEncodingRegressionTest {

  private static final String HEADER = "name,idType,idNumber,sex,birthDate,phone,address,jurisdictionCode\n";
  private static final Charset GBK = Charset.forName("GBK");

  @Autowired
  Api api;

  @Test
  void aUtf8FileWithOneGbkRowRejectsThatRowAndKeepsTheOthersReadable() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write((HEADER + "编码张三丰一,," + id(101) + ",,,,,990101001001\n").getBytes(StandardCharsets.UTF_8));
    file.write(("李四,," + id(103) + ",,,,,990101001001\n").getBytes(GBK));
    file.write(("编码王五六七,," + id(105) + ",,,,,990101001001\n").getBytes(StandardCharsets.UTF_8));
    JsonNode status = upload(file.toByteArray());
    assertThat(status.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(status.get("errors").get(0).get("row").asInt()).isEqualTo(3);
    assertThat(api.as("district").get("/api/v1/persons?q=编码张三丰一").json().get("items").size()).isEqualTo(1);
    assertThat(api.as("district").get("/api/v1/persons?q=编码王五六七").json().get("items").size()).isEqualTo(1);
  }

  @Test
  void aByteOrderMarkMeansUtf8EvenWithABrokenRow() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    file.write((HEADER + "编码赵六,," + id(107) + ",,,,,990101001001\n编码钱七").getBytes(StandardCharsets.UTF_8));
    file.write(new byte[] {(byte) 0xB0, (byte) 0xA1});
    file.write((",," + id(109) + ",,,,,990101001001\n").getBytes(StandardCharsets.UTF_8));
    JsonNode status = upload(file.toByteArray());
    assertThat(status.get("status").asString()).isEqualTo("DONE");
    assertThat(status.get("rowsImported").asLong()).isEqualTo(1);
    assertThat(status.get("rowsRejected").asLong()).isEqualTo(1);
  }

  @Test
  void aHeaderWithAnUnterminatedQuoteFailsTheImportWithAMessage() {
    JsonNode status = upload((HEADER.strip() + ",\"remark\n孙八,," + id(111) + ",,,,,990101001001,x\n")
        .getBytes(StandardCharsets.UTF_8));
    assertThat(status.get("status").asString()).isEqualTo("FAILED");
    assertThat(status.get("message").asString()).isNotBlank();
  }

  @Test
  void theRestOfABrokenMultiLineCellIsNeverImportedAsARow() {
    String csv = HEADER + "\"name never closes,\n\"模\n糊五零六九\",RESIDENT_ID,\"" + id(569) + "\",,,,,\"990101001001\"\n";
    JsonNode status = upload(csv.getBytes(StandardCharsets.UTF_8));
    assertThat(status.get("rowsImported").asLong()).isZero();
    assertThat(status.get("rowsRejected").asLong()).isEqualTo(status.get("rowsTotal").asLong());
  }

  private static String id(int sequence) {
    return People.validId("659005", "19310101", sequence);
  }

  private JsonNode upload(byte[] content) {
    Api.Answer answer = api.as("district").upload("/api/v1/imports/persons?wait=true", "regression.csv", content);
    assertThat(answer.status()).isEqualTo(200);
    return answer.json();
  }
}
