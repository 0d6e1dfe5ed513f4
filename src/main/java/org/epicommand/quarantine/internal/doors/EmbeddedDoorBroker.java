package org.epicommand.quarantine.internal.doors;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The built-in HiveMQ CE broker: MQTT on 127.0.0.1 only, every client authenticated and confined to its own
 * topic ({@link DoorBrokerSecurity}), packets larger than {@code maxPacketBytes} refused unread. Sessions and
 * queued events live in memory, or in {@code dataFolder} when one is configured. A city with its own broker
 * sets {@code epicommand.quarantine.mqtt.host} instead.
 */
@Component
@Conditional(DoorBrokerConfigured.class)
@ConditionalOnExpression("${epicommand.quarantine.mqtt.embedded:false}")
public class EmbeddedDoorBroker implements SmartLifecycle {

  /** Before the subscriber (which starts in the default phase). */
  static final int PHASE = Integer.MAX_VALUE / 2 - 100;

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDoorBroker.class);

  /** The platform's user at the built-in broker (no device id can contain '@'). */
  static final String PLATFORM_USER = "platform@epicommand";

  private final DoorSensorProperties properties;
  private final DoorSensorCredentials credentials;
  private final int port;
  private final String platformPassword;
  private EmbeddedHiveMQ broker;
  private Path temporaryHome;

  EmbeddedDoorBroker(DoorSensorProperties properties, DoorSensorCredentials credentials) {
    this.properties = properties;
    this.credentials = credentials;
    this.port = properties.port() == 0 ? freePort() : properties.port();
    this.platformPassword = properties.password() == null || properties.password().isBlank()
        ? DoorSensorCredentials.random() : properties.password();
  }

  String platformUser() {
    return PLATFORM_USER;
  }

  String platformPassword() {
    return platformPassword;
  }

  /** The port the broker listens on (a free one when configured as 0). */
  public int port() {
    return port;
  }

  @Override
  public synchronized void start() {
    try {
      boolean temporary = properties.dataFolder() == null || properties.dataFolder().isBlank();
      Path home = temporary ? Files.createTempDirectory("epicommand-mqtt")
          : Files.createDirectories(Path.of(properties.dataFolder()));
      temporaryHome = temporary ? home : null;
      Path config = Files.createDirectories(home.resolve("conf"));
      Files.writeString(config.resolve("config.xml"), """
          <?xml version="1.0"?>
          <hivemq>
            <listeners>
              <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
            </listeners>
            <mqtt>
              <packets><max-packet-size>%d</max-packet-size></packets>
              <session-expiry><max-interval>%d</max-interval></session-expiry>
              <queued-messages><max-queue-size>100000</max-queue-size></queued-messages>
            </mqtt>
            <persistence><mode>%s</mode></persistence>
            <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
          </hivemq>
          """.formatted(port, properties.maxPacketBytes(), properties.sessionExpiry().toSeconds(),
          temporary ? "in-memory" : "file"), StandardCharsets.UTF_8);
      EmbeddedExtension security = EmbeddedExtension.builder().withId("epicommand-door-security")
          .withName("EpiCommand door sensor security").withVersion("1").withPriority(1000)
          .withExtensionMain(new DoorBrokerSecurity(properties, credentials, PLATFORM_USER, platformPassword,
              properties.effectiveClientId())).build();
      broker = EmbeddedHiveMQ.builder().withConfigurationFolder(config)
          .withDataFolder(Files.createDirectories(home.resolve("data")))
          .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
          .withEmbeddedExtension(security).build();
      long started = System.nanoTime();
      broker.start().get(60, TimeUnit.SECONDS);
      log.info("Embedded MQTT broker on 127.0.0.1:{} in {} ms", port,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("Embedded MQTT broker did not start on port " + port, e);
    }
  }

  @Override
  public synchronized void stop() {
    if (broker != null) {
      try {
        broker.stop().get(30, TimeUnit.SECONDS);
        broker.close();
      } catch (Exception e) {
        log.warn("Embedded MQTT broker did not stop cleanly: {}", e.toString());
      }
      broker = null;
    }
    if (temporaryHome != null) {
      try (java.util.stream.Stream<Path> files = Files.walk(temporaryHome)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        log.debug("Embedded MQTT broker folder {} left behind: {}", temporaryHome, e.toString());
      }
      temporaryHome = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return broker != null;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
