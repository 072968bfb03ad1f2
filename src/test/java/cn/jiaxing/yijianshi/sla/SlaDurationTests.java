package cn.jiaxing.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SlaDurationTests {

  @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
  @CsvSource({
      "5WD,   5, WORKING_DAYS,  5WD",
      "5wd,   5, WORKING_DAYS,  5WD",
      "20Wd,  20, WORKING_DAYS, 20WD",
      "7CD,   7, CALENDAR_DAYS, 7CD",
      "7cD,   7, CALENDAR_DAYS, 7CD",
      "24H,   24, HOURS,        24H",
      "1h,    1, HOURS,         1H",
      "007WD, 7, WORKING_DAYS,  7WD",
      "'  3WD  ', 3, WORKING_DAYS, 3WD",
  })
  void parsesTheAcceptedForms(String text, long amount, SlaUnit unit, String canonical) {
    SlaDuration duration = SlaDuration.parse(text);

    assertThat(duration.amount()).isEqualTo(amount);
    assertThat(duration.unit()).isEqualTo(unit);
    assertThat(duration).isEqualTo(new SlaDuration(amount, unit));
    assertThat(duration.toString()).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"5WD", "7CD", "24H", "1WD", "9223372036854775807H"})
  void toStringRoundTrips(String text) {
    assertThat(SlaDuration.parse(text).toString()).isEqualTo(text);
    assertThat(SlaDuration.parse(SlaDuration.parse(text).toString())).isEqualTo(SlaDuration.parse(text));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {
      " ", "WD", "5", "5D", "5W", "5 WD", "5WDX", "-5WD", "+5WD", "0WD", "00H", "5.5H", "5M",
      "P5D", "五WD", "99999999999999999999WD"})
  void rejectsAnythingElseNamingTheAcceptedForms(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SlaDuration.parse(text))
        .withMessageContaining("accepted forms are <n>WD (working days), <n>CD (calendar days) or <n>H (hours)");
  }

  @Test
  void theConstructorRejectsAnAmountBelowOne() {
    assertThatIllegalArgumentException().isThrownBy(() -> new SlaDuration(0, SlaUnit.HOURS));
    assertThatIllegalArgumentException().isThrownBy(() -> new SlaDuration(-3, SlaUnit.WORKING_DAYS));
  }

  @Test
  void theConstructorRejectsANullUnit() {
    assertThatNullPointerException().isThrownBy(() -> new SlaDuration(5, null));
  }
}
