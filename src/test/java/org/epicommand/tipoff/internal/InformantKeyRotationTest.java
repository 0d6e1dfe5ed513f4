package org.epicommand.tipoff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.tipoff.TipOffApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Rotating the informant key: a row sealed under a retired key (configured for reading in the test profile) reads
 * the same, is rewritten under the current key by the office's re-encryption (raw columns and key id change, the
 * details do not), a second run rewrites nothing; a stored key id without a configured key is refused at start.
 */
@EpiCommandTest
class InformantKeyRotationTest {

  static final String RETIRED = "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=";
  private static final String SELECT = "select name, phone, document, payment_account, client_address, key_id"
      + " from tipoff_informant where tipoff_id = ?::uuid";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  PublicTipOffLimit limit;
  @Autowired
  InformantRewrite rewrite;

  @BeforeEach
  void freshLimit() {
    limit.reset();
  }

  @Test
  void aRowUnderARetiredKeyIsRewrittenUnderTheCurrentKeyOnceAndReadsTheSame() {
    Api.Caller office = api.as(TipOffApiTest.OFFICE);
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String id = TipOffApiTest.withInformant(api, "轮换测试" + tag, "轮换王" + tag, "13700137011", "E1234" + tag,
        "6222" + tag);
    Map<String, Object> fresh = raw(id);
    assertThat(fresh.get("key_id")).isEqualTo(InformantCipher.DEFAULT_ID);
    JsonNode before = informant(office, id);

    // as if written before the rotation: sealed under the key that is now retired
    InformantCipher old = new InformantCipher("", Map.of("retired-test", RETIRED), "retired-test", true);
    jdbc.sql("update tipoff_informant set name = ?, phone = ?, document = ?, payment_account = ?, client_address = ?,"
        + " key_id = 'retired-test' where tipoff_id = ?::uuid").params(old.encrypt("轮换王" + tag),
        old.encrypt("13700137011"), old.encrypt("E1234" + tag), old.encrypt("6222" + tag),
        old.encrypt(before.get("clientAddress").asString()), id).update();
    Map<String, Object> sealedOld = raw(id);
    assertThat(sealedOld.get("key_id")).isEqualTo("retired-test");
    assertThat(sealedOld.values().toString()).doesNotContain("轮换王").doesNotContain("13700137011");
    assertThat(informant(office, id)).as("a retired key still reads").isEqualTo(before);

    assertThat(api.as("commander").post("/api/v1/tip-offs/informants/re-encrypt", Map.of()).status())
        .isEqualTo(403);
    Api.Answer rotated = office.post("/api/v1/tip-offs/informants/re-encrypt", Map.of());
    assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
    assertThat(rotated.json().get("keyId").asString()).isEqualTo(InformantCipher.DEFAULT_ID);
    assertThat(rotated.json().get("rewritten").asInt()).isPositive();
    Map<String, Object> after = raw(id);
    assertThat(after.get("key_id")).isEqualTo(InformantCipher.DEFAULT_ID);
    for (String column : new String[] {"name", "phone", "document", "payment_account", "client_address"}) {
      assertThat(after.get(column)).as(column).isNotNull().isNotEqualTo(sealedOld.get(column));
    }
    assertThat(after.values().toString()).doesNotContain("轮换王").doesNotContain("13700137011");
    assertThatThrownBy(() -> old.decrypt((String) after.get("name"), "retired-test"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(informant(office, id)).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'TIP_OFF_INFORMANT' and action = "
        + "'UPDATE' and username = ? and detail like 're-encrypted %'").param(TipOffApiTest.OFFICE).query(Long.class)
        .single()).isPositive();

    Api.Answer again = office.post("/api/v1/tip-offs/informants/re-encrypt", Map.of());
    assertThat(again.json().get("rewritten").asInt()).as("idempotent").isZero();
    assertThat(raw(id)).isEqualTo(after);
  }

  @Test
  void aStoredKeyIdWithoutAConfiguredKeyStopsTheStartWithItsCause() {
    rewrite.requireStoredKeys();
    String id = jdbc.sql("select tipoff_id::text from tipoff_informant where encrypted limit 1").query(String.class)
        .single();
    String was = (String) raw(id).get("key_id");
    jdbc.sql("update tipoff_informant set key_id = 'lost-2026' where tipoff_id = ?::uuid").param(id).update();
    try {
      assertThatThrownBy(rewrite::requireStoredKeys).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("lost-2026").hasMessageContaining("epicommand.tipoff.informant-keys");
    } finally {
      jdbc.sql("update tipoff_informant set key_id = ? where tipoff_id = ?::uuid").params(was, id).update();
    }
    rewrite.requireStoredKeys();
  }

  private Map<String, Object> raw(String id) {
    return jdbc.sql(SELECT).param(id).query().singleRow();
  }

  private static JsonNode informant(Api.Caller office, String id) {
    Api.Answer answer = office.get("/api/v1/tip-offs/" + id + "/informant");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }
}
