package org.epicommand.quarantine.internal.doors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Each sensor's own password at the built-in broker (user name = device id): 32 random bytes, shown once when
 * issued, stored as a SHA-256 hash. Only a sensor bound to an open order may connect.
 */
@Component
public class DoorSensorCredentials {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final DoorSensorRegistry registry;

  DoorSensorCredentials(DoorSensorRegistry registry) {
    this.registry = registry;
  }

  /** A new password for the device (the previous one stops working); the caller shows it once. */
  public String issue(String deviceId) {
    String password = random();
    registry.setCredentialHash(deviceId, hash(password));
    return password;
  }

  /** Whether the device is bound to an open order and the password is its current one. */
  public boolean matches(String deviceId, byte[] password) {
    if (deviceId == null || password == null || !DoorEventIntake.DEVICE_ID.matcher(deviceId).matches()) {
      return false;
    }
    return registry.credentialHash(deviceId).map(stored -> MessageDigest.isEqual(
        stored.getBytes(StandardCharsets.US_ASCII), hash(password).getBytes(StandardCharsets.US_ASCII)))
        .orElse(false);
  }

  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String password) {
    return hash(password.getBytes(StandardCharsets.UTF_8));
  }

  static String hash(byte[] password) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(password));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
