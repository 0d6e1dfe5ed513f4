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
}
