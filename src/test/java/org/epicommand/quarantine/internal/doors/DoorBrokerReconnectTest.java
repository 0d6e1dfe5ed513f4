package org.epicommand.quarantine.internal.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The broker goes away and comes back: the platform reconnects and subscribes again by itself. */
@EpiCommandTest
class DoorBrokerReconnectTest {

  @Autowired
  Api api;
  @Autowired
  EmbeddedDoorBroker broker;
  @Autowired
  DoorEventSubscriber subscriber;
  @Autowired
  DoorEventLog events;

  @Test
  void theSubscriberComesBackAfterTheBrokerRestarts() {
    String personId = QuarantineFixtures.person(api, "门磁重连", QuarantineFixtures.COMMUNITY);
    String orderId = QuarantineFixtures.open(api, personId, "CLOSE_CONTACT", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), "TEN_MEASURES")
        .get("id").asString();
    String device = "door-" + UUID.randomUUID();
    assertThat(api.as("community").post("/api/v1/quarantine/door-sensors",
        Map.of("deviceId", device, "orderId", orderId)).status()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(15)).until(subscriber::subscribed);

    broker.stop();
    await().atMost(Duration.ofSeconds(10)).until(() -> !subscriber.subscribed());
    broker.start();
    await().atMost(Duration.ofSeconds(45)).until(subscriber::subscribed);

    Mqtt5BlockingClient sensor = Mqtt5Client.builder().identifier("reconnect-sensor-" + UUID.randomUUID())
        .serverHost(subscriber.host()).serverPort(subscriber.port()).buildBlocking();
    sensor.connect();
    try {
      sensor.publishWith().topic("epicommand/doors/" + device).qos(MqttQos.AT_LEAST_ONCE)
          .payload(("{\"event\":\"HEARTBEAT\",\"at\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8))
          .send();
    } finally {
      sensor.disconnect();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> events.count(device) == 1);
  }
}
