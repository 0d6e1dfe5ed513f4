package org.epicommand.quarantine.internal.doors;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Subscribes to the door sensors' topic and hands every message to {@link DoorEventIntake} on a small worker
 * pool (never on the client's network thread). The client reconnects by itself, with back-off, after a lost
 * connection or a failed first attempt, and subscribes again on every connect.
 */
@Component
@ConditionalOnProperty(name = "epicommand.quarantine.mqtt.enabled", havingValue = "true", matchIfMissing = true)
public class DoorEventSubscriber implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DoorEventSubscriber.class);

  private final DoorSensorProperties properties;
  private final ObjectProvider<EmbeddedDoorBroker> embedded;
  private final DoorEventIntake intake;
  private final AtomicBoolean subscribed = new AtomicBoolean();
  private Mqtt5AsyncClient client;
  private ExecutorService workers;

  DoorEventSubscriber(DoorSensorProperties properties, ObjectProvider<EmbeddedDoorBroker> embedded,
      DoorEventIntake intake) {
    this.properties = properties;
    this.embedded = embedded;
    this.intake = intake;
  }

  /** Host and port actually used (the embedded broker's when there is one). */
  public String host() {
    return embedded.getIfAvailable() != null ? "127.0.0.1" : properties.host();
  }

  public int port() {
    EmbeddedDoorBroker broker = embedded.getIfAvailable();
    return broker != null ? broker.port() : properties.port();
  }

  /** Whether the subscription is in place (false while disconnected). */
  public boolean subscribed() {
    return subscribed.get();
  }

  @Override
  public synchronized void start() {
    AtomicInteger threads = new AtomicInteger();
    // bounded: a flood waits in the queue, and beyond it the MQTT thread itself slows down (back-pressure)
    int size = Math.max(1, properties.workers());
    workers = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000), runnable -> {
      Thread thread = new Thread(runnable, "door-events-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }, new ThreadPoolExecutor.CallerRunsPolicy());
    Mqtt5ClientBuilder builder = Mqtt5Client.builder().identifier("epicommand-doors-" + UUID.randomUUID())
        .serverHost(host()).serverPort(port())
        .automaticReconnect().initialDelay(1, TimeUnit.SECONDS).maxDelay(30, TimeUnit.SECONDS).applyAutomaticReconnect()
        .addConnectedListener(context -> subscribe())
        .addDisconnectedListener(context -> {
          if (subscribed.getAndSet(false)) {
            log.warn("Door sensor broker {}:{} lost: {}; reconnecting", host(), port(), context.getCause().toString());
          }
        });
    if (properties.username() != null && !properties.username().isBlank()) {
      builder = builder.simpleAuth().username(properties.username())
          .password(properties.password() == null ? new byte[0] : properties.password().getBytes(StandardCharsets.UTF_8))
          .applySimpleAuth();
    }
    client = builder.buildAsync();
    client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> {
      String topic = publish.getTopic().toString();
      byte[] payload = publish.getPayloadAsBytes();
      workers.execute(() -> intake.accept(topic, payload));
    });
    client.connectWith().cleanStart(true).send().whenComplete((ack, failure) -> {
      if (failure != null) {
        log.warn("Door sensor broker {}:{} not reachable ({}); retrying in the background", host(), port(),
            failure.toString());
      }
    });
    if (embedded.getIfAvailable() != null) {
      awaitSubscription(10_000);
    }
  }

  private void subscribe() {
    client.subscribeWith().topicFilter(properties.subscription()).qos(MqttQos.AT_LEAST_ONCE).send()
        .whenComplete((ack, failure) -> {
          if (failure == null) {
            subscribed.set(true);
            log.info("Subscribed to {} on {}:{}", properties.subscription(), host(), port());
          } else {
            log.error("Subscription to {} failed", properties.subscription(), failure);
          }
        });
  }

  private void awaitSubscription(long millis) {
    long deadline = System.currentTimeMillis() + millis;
    while (!subscribed.get() && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public synchronized void stop() {
    if (client != null) {
      try {
        client.disconnect().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.debug("Door sensor client disconnect: {}", e.toString());
      }
      client = null;
      subscribed.set(false);
    }
    if (workers != null) {
      workers.shutdown();
      try {
        workers.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      workers = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return client != null;
  }

  @Override
  public int getPhase() {
    return EmbeddedDoorBroker.PHASE + 1;
  }
}
