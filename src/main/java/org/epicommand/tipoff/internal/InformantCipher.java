package org.epicommand.tipoff.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts the informant's details at rest (AES-256-GCM, a random 96-bit nonce per value, stored as Base64 of nonce
 * and ciphertext) under the current key, and decrypts them under the key whose id the row carries. The keys:
 * {@code epicommand.tipoff.informant-key} ({@code EPICOMMAND_TIPOFF_INFORMANT_KEY}: 32 bytes in Base64) is the key of
 * id {@code default}; {@code epicommand.tipoff.informant-keys.<id>} adds keys by id (a new one, or retired ones kept
 * for reading); {@code epicommand.tipoff.informant-key-id} names the current key (default {@code default}). Demo mode
 * without a {@code default} key uses a fixed development key for it; outside demo mode a missing or malformed key,
 * or a current id without its key, stops the start with its cause, never falling back to a known key.
 */
@Component
public class InformantCipher {

  static final String PROPERTY = "epicommand.tipoff.informant-key";
  static final String KEYS = "epicommand.tipoff.informant-keys";
  static final String CURRENT = "epicommand.tipoff.informant-key-id";
  /** The id of the key of {@link #PROPERTY}, and the current id unless {@link #CURRENT} names another. */
  public static final String DEFAULT_ID = "default";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Map<String, SecretKey> keys = new LinkedHashMap<>();
  private final String currentId;
  private final SecureRandom random = new SecureRandom();

  @Autowired
  InformantCipher(Environment environment) {
    this(environment.getProperty(PROPERTY, ""), Binder.get(environment)
        .bind(KEYS, Bindable.mapOf(String.class, String.class)).orElse(Map.of()),
        environment.getProperty(CURRENT, DEFAULT_ID), environment.getProperty("epicommand.demo.enabled",
            Boolean.class, false));
  }

  /** The single key of {@link #PROPERTY} alone. */
  InformantCipher(String configured, boolean demo) {
    this(configured, Map.of(), DEFAULT_ID, demo);
  }

  /** The key of {@link #PROPERTY}, the keys by id, the current id. */
  InformantCipher(String single, Map<String, String> byId, String current, boolean demo) {
    this.currentId = current == null || current.isBlank() ? DEFAULT_ID : current.strip();
    byId.forEach((id, value) -> {
      if (!id.matches("[A-Za-z0-9_-]{1,40}")) {
        throw new IllegalStateException(KEYS + "." + id + ": a key id is 1 to 40 letters, digits, '-' or '_'");
      }
      keys.put(id, new SecretKeySpec(decode(value, KEYS + "." + id), "AES"));
    });
    boolean singleSet = single != null && !single.isBlank();
    if (singleSet || !keys.containsKey(DEFAULT_ID) && (DEFAULT_ID.equals(currentId) || demo)) {
      byte[] legacy = keyBytes(single, demo);
      SecretKey other = keys.get(DEFAULT_ID);
      if (other != null && !java.util.Arrays.equals(other.getEncoded(), legacy)) {
        throw new IllegalStateException(PROPERTY + " and " + KEYS + "." + DEFAULT_ID + " are two different keys of "
            + "the id " + DEFAULT_ID + ": keep one");
      }
      keys.put(DEFAULT_ID, new SecretKeySpec(legacy, "AES"));
    }
    if (!keys.containsKey(currentId)) {
      throw new IllegalStateException(CURRENT + " is " + currentId + " but no key of that id is configured: set "
          + KEYS + "." + currentId + " (32 random bytes in Base64)");
    }
  }

  /** The id of the key new values are encrypted under. */
  public String currentKeyId() {
    return currentId;
  }

  /**
   * Stops with its cause when a stored key id has no configured key (at start: those informants could not be read).
   */
  public void requireKeys(java.util.Collection<String> storedIds) {
    List<String> missing = storedIds.stream().filter(id -> id != null && !keys.containsKey(id)).sorted().toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Informants of tip-offs are stored under the key id(s) " + missing + " but no "
          + "such key is configured: set " + KEYS + ".<id> (or " + PROPERTY + " for the id " + DEFAULT_ID + ") to "
          + "the key they were encrypted with; configured: " + keys.keySet());
    }
  }

  static byte[] keyBytes(String configured, boolean demo) {
    if (configured == null || configured.isBlank()) {
      if (!demo) {
        throw new IllegalStateException(PROPERTY + " (EPICOMMAND_TIPOFF_INFORMANT_KEY) is not set: informants of "
            + "tip-offs are encrypted at rest with it. Set 32 random bytes in Base64, e.g. `openssl rand -base64 32`, "
            + "and keep it with the backups: without it the informants cannot be read.");
      }
      return sha256("epicommand demo informant key: not for production");
    }
    return decode(configured, PROPERTY);
  }

  private static byte[] decode(String configured, String property) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(configured == null ? "" : configured.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(property + " is not Base64: " + e.getMessage(), e);
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(property + " must be 32 bytes (AES-256) in Base64, not " + bytes.length);
    }
    return bytes;
  }

  /** The value encrypted (null stays null). */
  public String encrypt(String plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
          .put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("informant encryption failed", e);
    }
  }

  /** The value decrypted under the current key. */
  public String decrypt(String sealed) {
    return decrypt(sealed, currentId);
  }

  /**
   * The value decrypted under the key of {@code keyId} (null: {@value #DEFAULT_ID}; null stays null); a value that
   * was tampered with or sealed under another key fails.
   */
  public String decrypt(String sealed, String keyId) {
    if (sealed == null) {
      return null;
    }
    SecretKey key = keys.get(keyId == null ? DEFAULT_ID : keyId);
    if (key == null) {
      throw new IllegalStateException("an informant's details are sealed under the key id " + keyId
          + ", which is not configured (" + KEYS + "." + keyId + ")");
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("an informant's details cannot be decrypted with the key " + keyId, e);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
