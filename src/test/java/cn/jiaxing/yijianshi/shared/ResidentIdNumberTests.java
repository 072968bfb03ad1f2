package cn.jiaxing.yijianshi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdNumberTests {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  @Test
  void acceptsAValidNumberAndReadsSexBirthDateAndAge() {
    ResidentIdNumber id = ResidentIdNumber.parse("330402199501010015", "身份证号码", TODAY);
    assertThat(id.isMale()).isTrue();
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1995, 1, 1));
    assertThat(id.ageOn(TODAY)).isEqualTo(31);
    assertThat(ResidentIdNumber.parse("330402199702020025", "身份证号码", TODAY).isMale()).isFalse();
  }

  @Test
  void computesTheIso7064CheckCharacterIncludingX() {
    // GB 11643 example from the standard: 11010519491231002X
    assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(ResidentIdNumber.parse("11010519491231002X", "身份证号码", TODAY).isMale()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
      "33040219950101001, 格式不正确",
      "330402199501010016, 校验位错误",
      "11010519491231002x, 格式不正确",
      "990402199501010015, 地址码无效",
      "330402199502300015, 不是有效日期",
      "330402203001010015, 出生日期不合理",
  })
  void rejectsBadNumbersWithASpecificChineseMessage(String raw, String expected) {
    assertThatThrownBy(() -> ResidentIdNumber.parse(raw, "男方身份证号码", TODAY))
        .isInstanceOf(ResidentIdNumber.InvalidIdNumberException.class)
        .hasMessageStartingWith("男方身份证号码")
        .hasMessageContaining(expected);
  }

  @Test
  void masksIdNumbersInsideFreeText() {
    assertThat(ResidentIdNumber.maskAll("未找到户主（330402199501010015）的户口，另见11010519491231002X。"))
        .isEqualTo("未找到户主（330402********0015）的户口，另见110105********002X。");
    assertThat(ResidentIdNumber.maskAll("电话13800001111，编号1234567890123456789")).isEqualTo("电话13800001111，编号1234567890123456789");
    assertThat(ResidentIdNumber.maskAll(null)).isNull();
  }

  @Test
  void rejectsBlank() {
    assertThatThrownBy(() -> ResidentIdNumber.parse(" ", "母亲身份证号码", TODAY)).hasMessage("母亲身份证号码不能为空");
  }

  @Test
  void masksEverywhereItIsPrinted() {
    ResidentIdNumber id = ResidentIdNumber.parse("330402199501010015", "身份证号码", TODAY);
    assertThat(id.toString()).isEqualTo("330402********0015").doesNotContain("19950101");
    assertThat(ResidentIdNumber.mask("330402199501010015")).isEqualTo("330402********0015");
    assertThat(ResidentIdNumber.mask("123")).isEqualTo("***");
    assertThat(ResidentIdNumber.mask(null)).isNull();
  }
}
