package org.epicommand.quarantine.internal.doors;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code epicommand.quarantine.mqtt.*}: where door sensors publish. By default an embedded HiveMQ CE broker on
 * 127.0.0.1 (demo and tests); {@code embedded=false} with host, port and credentials connects to an external one.
 *
 * @param port broker port; 0 picks a free port (tests)
 * @param topic the subscription filter; the last level is the device id
 * @param sharedGroup subscribe as an MQTT 5 shared subscription of this group, so that several application
 *     instances split the stream instead of each handling every event (blank: a plain subscription)
 * @param silentAfter a sensor that sent nothing for this long is an alert (DOMAIN.md §6: 30 min)
 * @param maxPayloadBytes larger payloads are rejected unread
 * @param dataFolder the embedded broker's data folder (blank: a temporary folder)
 * @param workers threads that store events and raise alerts (events of one sensor may be handled out of order;
 *     nothing depends on their order)
 */
@ConfigurationProperties("epicommand.quarantine.mqtt")
public record DoorSensorProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("true") boolean embedded,
    @DefaultValue("127.0.0.1") String host,
    @DefaultValue("1883") int port,
    String username,
    String password,
    @DefaultValue("epicommand/doors/+") String topic,
    @DefaultValue("epicommand") String sharedGroup,
    @DefaultValue("30m") Duration silentAfter,
    @DefaultValue("1024") int maxPayloadBytes,
    String dataFolder,
    @DefaultValue("4") int workers) {

  /** The filter actually subscribed to. */
  public String subscription() {
    return sharedGroup == null || sharedGroup.isBlank() ? topic : "$share/" + sharedGroup + "/" + topic;
  }
}
