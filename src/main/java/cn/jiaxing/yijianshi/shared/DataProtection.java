package cn.jiaxing.yijianshi.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Citizens' data at rest in our own tables: sealed with AES-256-GCM (the JDK's provider) under the
 * current key, stored as {@code enc:<key id>:<base64(iv ‖ ciphertext ‖ tag)>}, with the column's name as
 * associated data so a value cannot be moved to another column unnoticed; opened with whichever
 * configured key sealed it (rotation: add the new key, make it current, keep the old ones until
 * {@code CaseFileSealing} has re-sealed every row). Values written before sealing existed (no
 * {@code enc:} prefix) are read as they are. Duplicate checks use a keyed hash (HMAC-SHA256) of their
 * parts, so a stolen table cannot be matched against a list of ID numbers.
 */
public final class DataProtection {

  private static final String PREFIX = "enc:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String currentKeyId;
  private final Map<String, SecretKeySpec> keys;
  private final SecretKeySpec hashKey;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param keys key id → base64 of 32 random bytes; {@code currentKeyId} seals new values
   * @param hashKey base64 of at least 32 random bytes, never rotated (open duplicates are found by it)
   */
  public DataProtection(String currentKeyId, Map<String, String> keys, String hashKey) {
    Map<String, String> configured = new LinkedHashMap<>();
    if (keys != null) {
      keys.forEach((id, key) -> {
        if (key != null && !key.isBlank()) { // an old key removed after rotation may stay as an empty entry
          configured.put(id, key);
        }
      });
    }
    if (!configured.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("yijianshi.data.keys has no key '" + currentKeyId + "' (the current key):"
          + " set YIJIANSHI_DATA_KEYS_" + currentKeyId.toUpperCase(java.util.Locale.ROOT) + " (openssl rand -base64 32)");
    }
    this.currentKeyId = currentKeyId;
    this.keys = new LinkedHashMap<>();
    configured.forEach((id, key) -> {
      if (id.contains(":")) {
        throw new IllegalArgumentException("key id '" + id + "' must not contain ':'");
      }
      this.keys.put(id, new SecretKeySpec(decode(key, "yijianshi.data.keys." + id, 32, 32), "AES"));
    });
    this.hashKey = new SecretKeySpec(decode(hashKey, "yijianshi.data.hash-key", 32, 64), "HmacSHA256");
  }

  private static byte[] decode(String base64, String name, int min, int max) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " is not base64");
    }
    if (bytes.length < min || bytes.length > max) {
      throw new IllegalArgumentException(name + " must be " + (min == max ? min : min + "–" + max)
          + " random bytes in base64 (openssl rand -base64 " + min + "), not " + bytes.length);
    }
    return bytes;
  }

  /** The sealed form of {@code plain} for {@code column}; null stays null. */
  public String seal(String column, String plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return PREFIX + currentKeyId + ":" + Base64.getEncoder().encodeToString(
          ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal " + column, e);
    }
  }

  /** The plain text of a stored value of {@code column}; a value stored before sealing is returned as is. */
  public String open(String column, String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      return stored;
    }
    int colon = stored.indexOf(':', PREFIX.length());
    SecretKeySpec key = colon < 0 ? null : keys.get(stored.substring(PREFIX.length(), colon));
    if (key == null) {
      throw new IllegalStateException("A " + column + " value was sealed with a key that is not configured ("
          + (colon < 0 ? "malformed" : stored.substring(PREFIX.length(), colon)) + ")");
    }
    try {
      byte[] raw = Base64.getDecoder().decode(stored.substring(colon + 1));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
      cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("A " + column + " value cannot be opened (altered, or another column's)", e);
    }
  }

  /** What every value sealed with the current key starts with. */
  public String currentPrefix() {
    return PREFIX + currentKeyId + ":";
  }

  /** Whether a stored value needs sealing again: plain, or sealed with a key that is no longer current. */
  public boolean needsResealing(String stored) {
    return stored != null && !stored.startsWith(PREFIX + currentKeyId + ":");
  }

  /** The keyed hash (hex HMAC-SHA256) of the parts, in the order given. */
  public String hash(Iterable<String> parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashKey);
      for (String part : parts) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array()); // unambiguous concatenation
        mac.update(bytes);
      }
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
