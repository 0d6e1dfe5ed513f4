package org.epicommand.quarantine.internal.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The built-in broker in production: every client authenticates, a sensor publishes only to its own topic,
 * nobody but the platform subscribes, oversized packets are refused, and events published while the platform
 * is away are delivered when it comes back. All with real MQTT clients.
 */
@EpiCommandTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoorBrokerSecurityTest {

  static final int QUEUED = 20;

  @Autowired
  Api api;
  @Autowired
  DoorEventSubscriber subscriber;
  @Autowired
  DoorEventLog events;
  @Autowired
  DoorSensorProperties properties;

  TestSensors sensors;

  @BeforeAll
  void sensors() {
    await().atMost(Duration.ofSeconds(15)).until(subscriber::subscribed);
    sensors = new TestSensors(api, subscriber);
  }

  @AfterAll
  void close() {
    sensors.close();
  }

  @Test
  void aClientWithoutOrWithWrongCredentialsIsRefused() {
    TestSensors.Bound sensor = sensors.bind(order("门磁认证"));
    assertRefused(() -> sensors.connected(null, null));
    assertRefused(() -> sensors.connected(sensor.deviceId(), "wrong-" + sensor.password()));
    assertRefused(() -> sensors.connected("door-unbound-" + UUID.randomUUID(), sensor.password()));
    assertRefused(() -> sensors.connected(EmbeddedDoorBroker.PLATFORM_USER, sensor.password()));
    // the right password connects
    sensors.connected(sensor.deviceId(), sensor.password()).disconnect();
    // a sensor may not take the platform's client id (and with it the platform's session)
    Mqtt5BlockingClient impostor = Mqtt5Client.builder().identifier(properties.effectiveClientId())
        .serverHost(subscriber.host()).serverPort(subscriber.port()).buildBlocking();
    assertRefused(() -> impostor.connectWith().simpleAuth().username(sensor.deviceId())
        .password(sensor.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send());
    assertThat(subscriber.subscribed()).isTrue();
  }

  @Test
  void aNewPasswordReplacesTheOldOne() {
    TestSensors.Bound sensor = sensors.bind(order("门磁换密"));
    Api.Answer issued = api.as("community").post("/api/v1/quarantine/door-sensors/" + sensor.deviceId()
        + "/credential", "");
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    String fresh = issued.json().get("mqttPassword").asString();
    assertRefused(() -> sensors.connected(sensor.deviceId(), sensor.password()));
    sensors.connected(sensor.deviceId(), fresh).disconnect();
    // listing never shows a password
    assertThat(api.as("community").get("/api/v1/quarantine/door-sensors?size=500").body()).doesNotContain(fresh)
        .doesNotContain("mqttPassword");
    assertThat(api.as("community").post("/api/v1/quarantine/door-sensors/no-such-door/credential", "").status())
        .isEqualTo(404);
  }

  @Test
  void aSensorCannotPublishAsAnotherSensor() {
    TestSensors.Bound mallory = sensors.bind(order("门磁冒充甲"));
    TestSensors.Bound victim = sensors.bind(order("门磁冒充乙"));
    assertThatThrownBy(() -> sensors.publishAs(mallory.deviceId(), "epicommand/doors/" + victim.deviceId(),
        "{\"event\":\"OPEN\",\"at\":\"" + Instant.now() + "\"}"))
        .isInstanceOfSatisfying(Mqtt5PubAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
            .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED));
    // its own topic still works, and the forged opening was never stored
    assertThat(sensors.publish(victim.deviceId(), "{\"event\":\"HEARTBEAT\",\"at\":\"" + Instant.now() + "\"}")
        .getError()).isEmpty();
    await().atMost(Duration.ofSeconds(5)).until(() -> events.count(victim.deviceId()) == 1);
    assertThat(events.count(victim.deviceId())).isEqualTo(1);
    assertThat(events.count(mallory.deviceId())).isZero();
  }

  @Test
  void onlyThePlatformSubscribes() {
    assertRefused(() -> sensors.connected(null, null));
    TestSensors.Bound sensor = sensors.bind(order("门磁偷听"));
    Mqtt5BlockingClient client = sensors.connected(sensor.deviceId(), sensor.password());
    try {
      for (String filter : new String[] {"#", "epicommand/doors/+", "epicommand/doors/" + sensor.deviceId(),
          "$share/epicommand/epicommand/doors/+", "$share/other/#"}) {
        assertThatThrownBy(() -> client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send())
            .as(filter).isInstanceOfSatisfying(Mqtt5SubAckException.class, e -> assertThat(
                e.getMqttMessage().getReasonCodes()).containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED));
      }
    } finally {
      client.disconnect();
    }
    assertThat(subscriber.subscribed()).isTrue();
  }

  @Test
  void aMegabyteMessageIsRefusedByTheBroker() {
    TestSensors.Bound sensor = sensors.bind(order("门磁超大"));
    // MQTT 3 announces no maximum, so the client sends it and the broker must refuse it
    Mqtt3BlockingClient client = Mqtt3Client.builder().identifier("big-" + UUID.randomUUID())
        .serverHost(subscriber.host()).serverPort(subscriber.port()).buildBlocking();
    client.connectWith().simpleAuth().username(sensor.deviceId())
        .password(sensor.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
    byte[] megabyte = new byte[1024 * 1024];
    java.util.Arrays.fill(megabyte, (byte) 'x');
    assertThatThrownBy(() -> client.publishWith().topic("epicommand/doors/" + sensor.deviceId())
        .qos(MqttQos.AT_LEAST_ONCE).payload(megabyte).send()).isInstanceOf(RuntimeException.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> !client.getState().isConnected());
    assertThat(events.count(sensor.deviceId())).isZero();
    // the MQTT 5 client learns the limit at CONNECT and refuses to send it at all
    assertThatThrownBy(() -> sensors.publish(sensor.deviceId(), "x".repeat(1024 * 1024)))
        .hasMessageContaining("maximum packet size");
    assertThat(subscriber.subscribed()).isTrue();
  }

  @Test
  void eventsPublishedWhileThePlatformIsAwayArriveWhenItIsBack() {
    TestSensors.Bound sensor = sensors.bind(order("门磁离线"));
    subscriber.stop();
    try {
      assertThat(subscriber.subscribed()).isFalse();
      // several: the broker hands them over right after the resumed connect, racing the new subscription
      for (int i = 0; i < QUEUED; i++) {
        Mqtt5PublishResult sent = sensors.publish(sensor.deviceId(),
            "{\"event\":\"" + (i % 2 == 0 ? "OPEN" : "CLOSE") + "\",\"at\":\"" + Instant.now().minusSeconds(QUEUED - i)
            + "\"}");
        assertThat(sent.getError()).isEmpty();
      }
      sleep(500);
      assertThat(events.count(sensor.deviceId())).isZero();
    } finally {
      subscriber.start();
    }
    // the broker hands the queued message over once the platform's session is resumed and subscribed again
    await().atMost(Duration.ofSeconds(30)).until(() -> events.count(sensor.deviceId()) == QUEUED);
  }

  static void assertRefused(Runnable connect) {
    assertThatThrownBy(connect::run).isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(
        e.getMqttMessage().getReasonCode()).isIn(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD,
        Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
  }

  String order(String name) {
    String personId = QuarantineFixtures.person(api, name, QuarantineFixtures.COMMUNITY);
    return QuarantineFixtures.open(api, personId, "CLOSE_CONTACT", QuarantineFixtures.today(), "TEN_MEASURES")
        .get("id").asString();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
