package org.epicommand.quarantine.internal.doors;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.epicommand.support.Api;

/** Door sensors as real MQTT clients of the built-in broker: each bound through the API, with its own password. */
final class TestSensors implements AutoCloseable {

  /** A sensor bound through the API and the password the binding issued. */
  record Bound(String deviceId, String password) {}

  private final Api api;
  private final String host;
  private final int port;
  private final Map<String, String> passwords = new ConcurrentHashMap<>();
  private final Map<String, Mqtt5BlockingClient> clients = new ConcurrentHashMap<>();

  TestSensors(Api api, DoorEventSubscriber subscriber) {
    this.api = api;
    this.host = subscriber.host();
    this.port = subscriber.port();
  }

  /** Binds a new device to the order and remembers its password. */
  Bound bind(String orderId) {
    String device = "door-" + UUID.randomUUID();
    Api.Answer answer = api.as("community").post("/api/v1/quarantine/door-sensors",
        Map.of("deviceId", device, "orderId", orderId));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    assertThat(answer.json().get("orderId").asString()).isEqualTo(orderId);
    String password = answer.json().get("mqttPassword").asString();
    assertThat(password).hasSizeGreaterThanOrEqualTo(40);
    passwords.put(device, password);
    return new Bound(device, password);
  }

  /** Publishes as the device itself (connected once, with its own credentials). */
  Mqtt5PublishResult publish(String device, String payload) {
    return publishAs(device, "epicommand/doors/" + device, payload);
  }

  /** Publishes with the device's credentials to any topic. */
  Mqtt5PublishResult publishAs(String device, String topic, String payload) {
    Mqtt5BlockingClient client = clients.computeIfAbsent(device, id -> connected(id, passwords.get(id)));
    return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
        .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
  }

  /** A new client connected with the given credentials (null: anonymous); throws when refused. */
  Mqtt5BlockingClient connected(String username, String password) {
    Mqtt5BlockingClient client = client();
    if (username == null) {
      client.connect();
    } else {
      client.connectWith().simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8))
          .applySimpleAuth().send();
    }
    return client;
  }

  Mqtt5BlockingClient client() {
    return Mqtt5Client.builder().identifier("test-sensor-" + UUID.randomUUID()).serverHost(host).serverPort(port)
        .buildBlocking();
  }

  @Override
  public void close() {
    clients.values().forEach(client -> {
      try {
        client.disconnect();
      } catch (RuntimeException e) {
        // already gone
      }
    });
    clients.clear();
  }
}
