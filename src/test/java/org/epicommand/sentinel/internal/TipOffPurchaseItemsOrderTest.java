package org.epicommand.sentinel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.epicommand.tipoff.TipOff;
import org.epicommand.tipoff.TipOffApiTest;
import org.epicommand.tipoff.TipOffSubjectMatched;
import org.epicommand.tipoff.TipOffTurnedDown;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

/**
 * The two listeners of a fever-drug tip-off's items run each on its own after their moves commit, so the
 * turned-down event of a tip-off turned down just after the match may be handled before the match's. Whichever
 * order they run in, and however often each runs, the tip-off's item ends as the tip-off's state says: none left
 * open for a tip-off turned down, one open for a tip-off still standing. The listeners are called here directly, one
 * after the other, in the order the test chooses.
 */
@EpiCommandTest
class TipOffPurchaseItemsOrderTest {

  private static final TipOff.Topic TOPIC = TipOff.Topic.FEVER_DRUG_PURCHASE;

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TipOffPurchaseItems listeners;

  @Test
  void aTurnDownHandledBeforeTheMatchLeavesNoOpenItem() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    UUID buyer = UUID.fromString(People.resident("先驳后配" + tag, DemoPlaces.COMMUNITY).id(api));
    Api.Caller office = api.as(TipOffApiTest.OFFICE);
    UUID tip = tipOff(office, "药房戊" + tag);
    // the office matched the subject while the tip-off was RECEIVED, then turned it down at once
    assertThat(office.post("/api/v1/tip-offs/" + tip + "/reject", Map.of("reason", "UNFOUNDED")).status())
        .isEqualTo(200);
    TipOffPurchaseItems handlers = AopTestUtils.getUltimateTargetObject(listeners);

    handlers.on(new TipOffTurnedDown(tip, TOPIC, TipOff.State.UNSUBSTANTIATED, buyer));
    handlers.on(matched(tip, buyer));
    handlers.on(matched(tip, buyer));
    handlers.on(new TipOffTurnedDown(tip, TOPIC, TipOff.State.UNSUBSTANTIATED, buyer));

    assertThat(count("tipoff_id = ? and state <> 'CLOSED'", tip)).as("open items of the turned-down tip-off")
        .isZero();
    assertThat(count("tipoff_id = ?", tip)).as("nothing opened for it at all").isZero();
  }

  @Test
  void aMatchHandledBeforeTheTurnDownOpensOneItemThatClosesOnce() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    UUID buyer = UUID.fromString(People.resident("先配后驳" + tag, DemoPlaces.COMMUNITY).id(api));
    Api.Caller office = api.as(TipOffApiTest.OFFICE);
    UUID tip = tipOff(office, "药房己" + tag);
    TipOffPurchaseItems handlers = AopTestUtils.getUltimateTargetObject(listeners);

    handlers.on(matched(tip, buyer));
    handlers.on(matched(tip, buyer));
    assertThat(count("tipoff_id = ? and state = 'OPEN'", tip)).as("one item, however often matched").isEqualTo(1);

    assertThat(office.post("/api/v1/tip-offs/" + tip + "/reject", Map.of("reason", "UNFOUNDED")).status())
        .isEqualTo(200);
    handlers.on(new TipOffTurnedDown(tip, TOPIC, TipOff.State.UNSUBSTANTIATED, buyer));
    handlers.on(new TipOffTurnedDown(tip, TOPIC, TipOff.State.UNSUBSTANTIATED, buyer));
    handlers.on(matched(tip, buyer));

    assertThat(count("tipoff_id = ? and state <> 'CLOSED'", tip)).isZero();
    assertThat(count("tipoff_id = ? and state = 'CLOSED' and outcome = 'TIP_OFF_TURNED_DOWN' and closed_by = 'system'",
        tip)).isEqualTo(1);
    String item = jdbc.sql("select id::text from sentinel_verification where tipoff_id = ?").param(tip)
        .query(String.class).single();
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'SENTINEL_VERIFICATION' and"
        + " subject_id = ? and username = 'system' and action = 'UPDATE'").param(item).query(Long.class).single())
        .as("closed once").isEqualTo(1);
  }

  /** The match as the tip-off module published it: while the tip-off was still RECEIVED. */
  static TipOffSubjectMatched matched(UUID tip, UUID buyer) {
    return new TipOffSubjectMatched(tip, TOPIC, TipOff.State.RECEIVED, buyer, Instant.now(), "东湖路1号");
  }

  private long count(String where, UUID tip) {
    return jdbc.sql("select count(*) from sentinel_verification where " + where).param(tip).query(Long.class)
        .single();
  }

  /** A hotline tip-off about a fever-drug purchase in the demo community; its subject is not matched here. */
  static UUID tipOff(Api.Caller office, String subject) {
    Map<String, Object> body = new HashMap<>(TipOffApiTest.tip(TOPIC.name(), DemoPlaces.COMMUNITY,
        "有人未登记购买退烧药"));
    body.put("channel", "HOTLINE");
    body.put("subject", subject);
    Api.Answer made = office.post("/api/v1/tip-offs", body);
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    return UUID.fromString(made.json().get("id").asString());
  }
}
