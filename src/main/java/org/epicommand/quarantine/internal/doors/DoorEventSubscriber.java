package org.epicommand.quarantine.internal.doors;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Subscribes to the door sensors' topic and hands every message to {@link DoorEventIntake} on a small worker
 * pool (never on the client's network thread). The client reconnects by itself, with back-off, after a lost
 * connection or a failed first attempt, and subscribes again on every connect. Its session is persistent (a
 * stable client id, clean start off, a session expiry) and a message is acknowledged only once it was handled,
 * so events published while the application was down reach it when it is back. Only created when a broker is
 * configured ({@link DoorBrokerConfigured}).
 */
@Component
@Conditional(DoorBrokerConfigured.class)
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

  /** Set while the application stops: a disconnect then is final. */
  private volatile boolean stopping;
  private java.util.concurrent.ExecutorService network;

  /** Whether the subscription is in place (false while disconnected). */
  public boolean subscribed() {
    return subscribed.get();
  }

  @Override
  public synchronized void start() {
    stopping = false;
    AtomicInteger threads = new AtomicInteger();
    // bounded: a flood waits in the queue, and beyond it the MQTT thread itself slows down (back-pressure)
    int size = Math.max(1, properties.workers());
    workers = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000), runnable -> {
      Thread thread = new Thread(runnable, "door-events-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }, new ThreadPoolExecutor.CallerRunsPolicy());
    // the client's network threads are daemons: a stopped platform never waits for them to end
    network = java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "door-mqtt-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    Mqtt5ClientBuilder builder = Mqtt5Client.builder().identifier(properties.effectiveClientId())
        .executorConfig().nettyExecutor(network).nettyThreads(1).applyExecutorConfig()
        .serverHost(host()).serverPort(port())
        .automaticReconnect().initialDelay(1, TimeUnit.SECONDS).maxDelay(30, TimeUnit.SECONDS).applyAutomaticReconnect()
        .addConnectedListener(context -> subscribe())
        .addDisconnectedListener(context -> {
          if (stopping) {
            // the platform is stopping: no reconnect, so that the client's threads end with it
            context.getReconnector().reconnect(false);
            subscribed.set(false);
            return;
          }
          if (subscribed.getAndSet(false)) {
            log.warn("Door sensor broker {}:{} lost: {}; reconnecting", host(), port(), context.getCause().toString());
          }
        });
    EmbeddedDoorBroker broker = embedded.getIfAvailable();
    String username = broker != null ? broker.platformUser() : properties.username();
    String password = broker != null ? broker.platformPassword() : properties.password();
    if (username != null && !username.isBlank()) {
      builder = builder.simpleAuth().username(username)
          .password(password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
    }
    if (broker == null && properties.tls()) {
      builder = builder.sslConfig().trustManagerFactory(trustManagers()).applySslConfig();
    }
    client = builder.buildAsync();
    // acknowledged once stored: a message the application could not handle before it stopped comes again.
    // ALL, not SUBSCRIBED: a resumed session delivers its queued messages right after the connect, before this
    // new client object has subscribed again; to the client they are unsolicited, and under SUBSCRIBED no flow
    // would take them and the client would acknowledge them unread (the broker only sends this session's topics)
    client.publishes(MqttGlobalPublishFilter.ALL, publish -> {
      String topic = publish.getTopic().toString();
      byte[] payload = publish.getPayloadAsBytes();
      workers.execute(() -> {
        intake.accept(topic, payload);
        publish.acknowledge();
      });
    }, true);
    client.connectWith().cleanStart(false).sessionExpiryInterval(properties.sessionExpiry().toSeconds())
        .restrictions().maximumPacketSize(properties.maxPacketBytes()).applyRestrictions()
        .send().whenComplete((ack, failure) -> {
      if (failure != null) {
        log.warn("Door sensor broker {}:{} not reachable ({}); retrying in the background", host(), port(),
            failure.toString());
      }
    });
    if (embedded.getIfAvailable() != null) {
      awaitSubscription(10_000);
    }
  }

  /** The configured trust store, or null for the JVM's CAs. */
  private TrustManagerFactory trustManagers() {
    if (properties.trustStore() == null || properties.trustStore().isBlank()) {
      return null;
    }
    try {
      char[] secret = properties.trustStorePassword() == null ? null : properties.trustStorePassword().toCharArray();
      KeyStore store = KeyStore.getInstance(new File(properties.trustStore()), secret);
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("MQTT trust store " + properties.trustStore() + " not readable", e);
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
    stopping = true;
    if (client != null) {
      try {
        client.disconnect().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.debug("Door sensor client disconnect: {}", e.toString());
      }
      client = null;
      subscribed.set(false);
    }
    if (network != null) {
      network.shutdown();
      network = null;
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
