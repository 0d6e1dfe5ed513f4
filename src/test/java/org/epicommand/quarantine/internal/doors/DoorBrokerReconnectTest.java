package org.epicommand.quarantine.internal.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
    String orderId = QuarantineFixtures.open(api, personId, "CLOSE_CONTACT",
        LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), "TEN_MEASURES")
        .get("id").asString();
    TestSensors sensors = new TestSensors(api, subscriber);
    String device = sensors.bind(orderId).deviceId();
    await().atMost(Duration.ofSeconds(15)).until(subscriber::subscribed);

    broker.stop();
    await().atMost(Duration.ofSeconds(10)).until(() -> !subscriber.subscribed());
    broker.start();
    await().atMost(Duration.ofSeconds(45)).until(subscriber::subscribed);

    try (sensors) {
      assertThat(sensors.publish(device, "{\"event\":\"HEARTBEAT\",\"at\":\"" + Instant.now() + "\"}").getError())
          .isEmpty();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> events.count(device) == 1);
  }
}
