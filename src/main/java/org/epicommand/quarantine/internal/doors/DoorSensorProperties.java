package org.epicommand.quarantine.internal.doors;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.quarantine.mqtt.*}: where door sensors publish. Nothing is contacted unless configured: the
 * embedded HiveMQ CE broker on 127.0.0.1 ({@code embedded=true}, the default of demo mode) or an external broker
 * ({@code host}, with TLS and credentials as the city's broker requires). See {@link DoorBrokerConfigured}.
 *
 * @param port broker port; 0 picks a free port (tests)
 * @param username the platform's user at the broker (the embedded broker: blank issues a random one per start)
 * @param tls connect to an external broker over TLS (trusting the JVM's CAs, or {@code trustStore})
 * @param trustStore a PKCS#12 or JKS file with the CA of the broker's certificate (blank: the JVM's CAs)
 * @param topic the subscription filter; the last level is the device id
 * @param sharedGroup subscribe as an MQTT 5 shared subscription of this group, so that several application
 *     instances split the stream instead of each handling every event (blank: a plain subscription)
 * @param clientId the platform's MQTT client id, stable across restarts so that the broker keeps its session and
 *     the events published while the application was down (blank: {@code epicommand-doors-<host name>}); each
 *     application instance needs its own
 * @param sessionExpiry how long the broker keeps the session (and queues events) while the platform is away
 * @param silentAfter a sensor that sent nothing for this long is an alert (docs/domain.md §6: 30 min)
 * @param maxPayloadBytes larger payloads are rejected unread
 * @param maxPacketBytes the embedded broker disconnects a client sending a larger MQTT packet before reading it,
 *     and the platform announces it to any broker as the largest packet it takes
 * @param dataFolder the embedded broker's data folder; set, sessions and queued events survive a restart
 *     (blank: a temporary folder, in memory)
 * @param workers threads that store events and raise alerts (events of one sensor may be handled out of order;
 *     nothing depends on their order)
 */
@ConfigurationProperties("epicommand.quarantine.mqtt")
public record DoorSensorProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("false") boolean embedded,
    String host,
    @DefaultValue("1883") int port,
    String username,
    String password,
    @DefaultValue("false") boolean tls,
    String trustStore,
    String trustStorePassword,
    @DefaultValue("epicommand/doors/+") String topic,
    @DefaultValue("epicommand") String sharedGroup,
    String clientId,
    @DefaultValue("1d") Duration sessionExpiry,
    @DefaultValue("30m") Duration silentAfter,
    @DefaultValue("1024") int maxPayloadBytes,
    @DefaultValue("4096") int maxPacketBytes,
    String dataFolder,
    @DefaultValue("4") int workers) {

  /** The filter actually subscribed to. */
  public String subscription() {
    return shared() ? "$share/" + sharedGroup + "/" + topic : topic;
  }

  boolean shared() {
    return sharedGroup != null && !sharedGroup.isBlank();
  }

  /** The one topic a sensor may publish to: the filter with the device id as its last level. */
  String topicOf(String deviceId) {
    return topic.substring(0, topic.lastIndexOf('/') + 1) + deviceId;
  }

  String effectiveClientId() {
    if (clientId != null && !clientId.isBlank()) {
      return clientId;
    }
    String hostName;
    try {
      hostName = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      hostName = "local";
    }
    String id = "epicommand-doors-" + hostName.replaceAll("[^A-Za-z0-9_.-]", "-");
    return id.length() > 64 ? id.substring(0, 64) : id;
  }
}
