package org.epicommand.quarantine.internal.doors;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.auth.ModifiableDefaultPermissions;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may do what at the built-in broker (an embedded HiveMQ extension). Every client authenticates: the
 * platform with its own user name and password, which may only subscribe to the sensors' topic (in its shared
 * group); a sensor with its device id and the password issued when it was bound, which may only publish, to its
 * own topic, without retain. Anonymous clients, unknown devices, devices of ended orders and wrong passwords are
 * refused at CONNECT; anything else a client tries is denied. No sensor may take over the platform's client id
 * (and with it the platform's session and the events queued for it).
 */
class DoorBrokerSecurity implements ExtensionMain {

  private static final Logger log = LoggerFactory.getLogger(DoorBrokerSecurity.class);

  private final DoorSensorProperties properties;
  private final DoorSensorCredentials credentials;
  private final String platformUser;
  private final byte[] platformPassword;
  private final String platformClientId;

  DoorBrokerSecurity(DoorSensorProperties properties, DoorSensorCredentials credentials, String platformUser,
      String platformPassword, String platformClientId) {
    this.properties = properties;
    this.credentials = credentials;
    this.platformUser = platformUser;
    this.platformPassword = platformPassword.getBytes(StandardCharsets.UTF_8);
    this.platformClientId = platformClientId;
  }

  @Override
  public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
    Services.securityRegistry().setAuthenticatorProvider(provider -> (SimpleAuthenticator) this::authenticate);
  }

  @Override
  public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
    // nothing held
  }

  void authenticate(SimpleAuthInput input, SimpleAuthOutput output) {
    ConnectPacket connect = input.getConnectPacket();
    String user = connect.getUserName().orElse(null);
    byte[] password = connect.getPassword().map(DoorBrokerSecurity::bytes).orElse(null);
    if (user == null || password == null) {
      output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "credentials required");
      return;
    }
    ModifiableDefaultPermissions permissions = output.getDefaultPermissions();
    permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
    if (user.equals(platformUser)) {
      if (!MessageDigest.isEqual(password, platformPassword)) {
        refuse(output, user);
        return;
      }
      permissions.add(Builders.topicPermission().topicFilter(properties.topic())
          .activity(TopicPermission.MqttActivity.SUBSCRIBE)
          .sharedSubscription(properties.shared() ? TopicPermission.SharedSubscription.SHARED
              : TopicPermission.SharedSubscription.NOT_SHARED)
          .sharedGroup(properties.shared() ? properties.sharedGroup() : "#").build());
    } else {
      try {
        if (connect.getClientId().equals(platformClientId) || !credentials.matches(user, password)) {
          refuse(output, user);
          return;
        }
      } catch (RuntimeException e) {
        log.warn("Door sensor {} not authenticated: {}", printable(user), e.toString());
        output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "try again");
        return;
      }
      permissions.add(Builders.topicPermission().topicFilter(properties.topicOf(user))
          .activity(TopicPermission.MqttActivity.PUBLISH).retain(TopicPermission.Retain.NOT_RETAINED)
          .sharedSubscription(TopicPermission.SharedSubscription.NOT_SHARED).build());
    }
    output.authenticateSuccessfully();
  }

  private static void refuse(SimpleAuthOutput output, String user) {
    log.info("MQTT connection of {} refused: bad user name or password", printable(user));
    output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private static String printable(String text) {
    String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
