package org.epicommand.tipoff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The informant's encryption at rest and its key from configuration, without a database. */
class InformantCipherTest {

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @Test
  void aValueIsSealedWithAFreshNonceAndOpensOnlyUnderItsKey() {
    InformantCipher cipher = new InformantCipher(KEY, false);
    String once = cipher.encrypt("张三 13800138000");
    String twice = cipher.encrypt("张三 13800138000");
    assertThat(once).isNotEqualTo(twice).doesNotContain("张三").doesNotContain("13800138000");
    assertThat(cipher.decrypt(once)).isEqualTo("张三 13800138000");
    assertThat(cipher.encrypt(null)).isNull();
    assertThat(cipher.decrypt(null)).isNull();
    InformantCipher demo = new InformantCipher("", true);
    assertThatThrownBy(() -> demo.decrypt(once)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void outsideDemoModeAMissingOrMalformedKeyStopsTheStartWithItsCause() {
    assertThatThrownBy(() -> new InformantCipher(" ", false)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("epicommand.tipoff.informant-key")
        .hasMessageContaining("EPICOMMAND_TIPOFF_INFORMANT_KEY");
    assertThatThrownBy(() -> new InformantCipher("not base64!", false)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Base64");
    assertThatThrownBy(() -> new InformantCipher(Base64.getEncoder().encodeToString(new byte[16]), true))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    assertThat(new InformantCipher("", true).encrypt("x")).isNotBlank();
  }

  @Test
  void aRotatedConfigurationReadsTheOldKeyAndSealsUnderTheNewOne() {
    String next = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    String sealedOld = new InformantCipher(KEY, false).encrypt("李四");
    InformantCipher rotated = new InformantCipher(KEY, java.util.Map.of("k2027", next), "k2027", false);
    assertThat(rotated.currentKeyId()).isEqualTo("k2027");
    assertThat(rotated.decrypt(sealedOld, InformantCipher.DEFAULT_ID)).isEqualTo("李四");
    assertThat(rotated.decrypt(sealedOld, null)).as("rows without an id are the single key's").isEqualTo("李四");
    String sealedNew = rotated.encrypt("李四");
    assertThat(rotated.decrypt(sealedNew, "k2027")).isEqualTo("李四");
    assertThatThrownBy(() -> rotated.decrypt(sealedNew, InformantCipher.DEFAULT_ID))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> rotated.decrypt(sealedNew, "gone")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("gone");
    rotated.requireKeys(java.util.List.of("default", "k2027"));
    assertThatThrownBy(() -> rotated.requireKeys(java.util.List.of("k2027", "k2025")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("[k2025]")
        .hasMessageContaining("epicommand.tipoff.informant-keys");
    InformantCipher alone = new InformantCipher("", java.util.Map.of("k2027", next), "k2027", false);
    assertThat(alone.decrypt(alone.encrypt("王五"), "k2027")).isEqualTo("王五");
  }

  @Test
  void aCurrentIdWithoutItsKeyOrTwoKeysOfOneIdStopTheStart() {
    assertThatThrownBy(() -> new InformantCipher(KEY, java.util.Map.of(), "k2027", false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("epicommand.tipoff.informant-key-id")
        .hasMessageContaining("epicommand.tipoff.informant-keys.k2027");
    String other = Base64.getEncoder().encodeToString(new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
        9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
    assertThatThrownBy(() -> new InformantCipher(KEY, java.util.Map.of("default", other), "default", false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("two different keys");
    assertThatThrownBy(() -> new InformantCipher(KEY, java.util.Map.of("bad id!", other), "default", false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("key id");
    assertThatThrownBy(() -> new InformantCipher(KEY, java.util.Map.of("k2", "short"), "k2", false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("informant-keys.k2");
  }
}
