package org.epicommand.tipoff.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the informant's details at rest (AES-256-GCM, a random 96-bit nonce per value, stored as Base64 of nonce
 * and ciphertext) under {@code epicommand.tipoff.informant-key} ({@code EPICOMMAND_TIPOFF_INFORMANT_KEY}: 32 bytes in
 * Base64). Demo mode without a key uses a fixed development key; outside demo mode a missing or malformed key stops
 * the start with its cause, never falling back to a known key.
 */
@Component
public class InformantCipher {

  static final String PROPERTY = "epicommand.tipoff.informant-key";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  InformantCipher(@Value("${" + PROPERTY + ":}") String configured,
      @Value("${epicommand.demo.enabled:false}") boolean demo) {
    this.key = new SecretKeySpec(keyBytes(configured, demo), "AES");
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
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(configured.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(PROPERTY + " is not Base64: " + e.getMessage(), e);
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(PROPERTY + " must be 32 bytes (AES-256) in Base64, not " + bytes.length);
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
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
          .put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("informant encryption failed", e);
    }
  }

  /** The value decrypted (null stays null); a value that was tampered with or sealed under another key fails. */
  public String decrypt(String sealed) {
    if (sealed == null) {
      return null;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("an informant's details cannot be decrypted with " + PROPERTY, e);
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
