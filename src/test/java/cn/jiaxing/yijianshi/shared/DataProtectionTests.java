package cn.jiaxing.yijianshi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataProtectionTests {

  private static final String K1 = "1ZZeG4Cc5QR+/PRu7gPIJHfQoVODIbwUfKwx1+UxQ6A=";
  private static final String K2 = "8Ci2zQuGWEI6iaLy10EVfJ910xdVaZqusRswLi1UstQ=";
  private static final String HASH = "//rZUaE5cKyoxWCbRgAjIqjIIJDh6qicP/DGNabqzzg=";

  private final DataProtection k1 = new DataProtection("k1", Map.of("k1", K1), HASH);

  @Test
  void sealsWithAFreshIvAndOpensAgain() {
    String a = k1.seal("t.name", "张伟");
    String b = k1.seal("t.name", "张伟");
    assertThat(a).startsWith("enc:k1:").doesNotContain("张伟").isNotEqualTo(b);
    assertThat(k1.open("t.name", a)).isEqualTo("张伟");
    assertThat(k1.seal("t.name", null)).isNull();
    assertThat(k1.open("t.name", null)).isNull();
    assertThat(k1.open("t.name", "plain from before sealing")).isEqualTo("plain from before sealing");
  }

  @Test
  void anAlteredValueOrAnotherColumnsValueDoesNotOpen() {
    String sealed = k1.seal("t.name", "张伟");
    char[] chars = sealed.toCharArray();
    int inTheCiphertext = "enc:k1:".length() + 20; // past the 16 base64 characters of the IV
    chars[inTheCiphertext] = chars[inTheCiphertext] == 'A' ? 'B' : 'A';
    assertThatIllegalStateException().isThrownBy(() -> k1.open("t.name", new String(chars)));
    assertThatIllegalStateException().isThrownBy(() -> k1.open("t.email", sealed));
    assertThatIllegalStateException().isThrownBy(() -> k1.open("t.name", "enc:k9:AAAA"))
        .withMessageContaining("k9");
  }

  @Test
  void aRotatedKeyStillOpensWhatItSealedAndResealingMovesItToTheNewOne() {
    String old = k1.seal("t.name", "王芳");
    DataProtection rotated = new DataProtection("k2", Map.of("k1", K1, "k2", K2), HASH);
    assertThat(rotated.open("t.name", old)).isEqualTo("王芳");
    assertThat(rotated.needsResealing(old)).isTrue();
    assertThat(rotated.needsResealing("plain")).isTrue();
    String resealed = rotated.seal("t.name", rotated.open("t.name", old));
    assertThat(resealed).startsWith("enc:k2:");
    assertThat(rotated.needsResealing(resealed)).isFalse();
    assertThat(rotated.needsResealing(null)).isFalse();
  }

  @Test
  void theDuplicateHashIsKeyedAndUnambiguous() {
    assertThat(k1.hash(List.of("MARRIAGE", "330402199001011234"))).hasSize(64)
        .isEqualTo(k1.hash(List.of("MARRIAGE", "330402199001011234")))
        .isNotEqualTo(new DataProtection("k1", Map.of("k1", K1), K2).hash(List.of("MARRIAGE", "330402199001011234")));
    assertThat(k1.hash(List.of("ab", "c"))).isNotEqualTo(k1.hash(List.of("a", "bc")));
  }

  @Test
  void badKeysAreRefusedAtStartWithTheKeyNamed() {
    assertThatIllegalArgumentException().isThrownBy(() -> new DataProtection("k2", Map.of("k1", K1), HASH))
        .withMessageContaining("k2").withMessageContaining("YIJIANSHI_DATA_KEYS_K2");
    // a key rotated out may stay as an empty entry; the current one may not
    assertThat(new DataProtection("k2", Map.of("k1", "", "k2", K2), HASH).seal("t.name", "王芳")).startsWith("enc:k2:");
    assertThatIllegalArgumentException().isThrownBy(() -> new DataProtection("k1", Map.of("k1", " "), HASH));
    assertThatIllegalArgumentException().isThrownBy(() -> new DataProtection("k1", Map.of("k1", "c2hvcnQ="), HASH))
        .withMessageContaining("yijianshi.data.keys.k1").withMessageContaining("32");
    assertThatIllegalArgumentException().isThrownBy(() -> new DataProtection("k1", Map.of("k1", K1), "not base64!"))
        .withMessageContaining("yijianshi.data.hash-key");
  }
}
