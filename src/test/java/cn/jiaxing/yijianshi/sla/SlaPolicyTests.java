package cn.jiaxing.yijianshi.sla;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.pvm.runtime.ExecutionImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SlaPolicyTests {

  private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
  private final DueDateCalculator calculator = new DueDateCalculator(WorkingDayCalendar.loadDefault(), SH);

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SH).toInstant();
  }

  @Test
  void parsesALimitWithAndWithoutAWarning() {
    assertThat(SlaPolicy.parse("5WD")).isEqualTo(new SlaPolicy(SlaDuration.parse("5WD"), null));
    assertThat(SlaPolicy.parse(" 10wd  warn 2WD ").toString()).isEqualTo("10WD warn 2WD");
    assertThatThrownBy(() -> SlaPolicy.parse("5WD warn 2H")).hasMessageContaining("unit");
    assertThatThrownBy(() -> SlaPolicy.parse("2WD warn 3WD")).hasMessageContaining("not longer");
    assertThatThrownBy(() -> SlaPolicy.parse("soon")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLimitMayAllowOneExtensionInItsUnit() {
    SlaPolicy policy = SlaPolicy.parse("30WD warn 5WD extendable 45WD");
    assertThat(policy.extendableTo()).isEqualTo(SlaDuration.parse("45WD"));
    assertThat(policy.extension()).isEqualTo(SlaDuration.parse("15WD"));
    assertThat(SlaPolicy.parse(policy.toString())).isEqualTo(policy);
    assertThat(SlaPolicy.parse("5WD").extension()).isNull();
    assertThatThrownBy(() -> SlaPolicy.parse("30WD extendable 20WD")).hasMessageContaining("longer");
    assertThatThrownBy(() -> SlaPolicy.parse("30WD extendable 45CD")).hasMessageContaining("unit");
  }

  @Test
  void aLimitMayDependOnAYesNoVariableOfTheStep() {
    SlaRule rule = SlaRule.parse("24H if urgent else 5WD warn 2WD");
    VariableMap urgent = Variables.createVariables().putValue("urgent", true);
    VariableMap text = Variables.createVariables().putValue("urgent", "true");
    VariableMap routine = Variables.createVariables().putValue("urgent", false);
    assertThat(rule.resolve(scope(urgent)))
        .isEqualTo(SlaPolicy.parse("24H"));
    assertThat(rule.resolve(scope(text))).isEqualTo(SlaPolicy.parse("24H"));
    assertThat(rule.resolve(scope(routine))).isEqualTo(SlaPolicy.parse("5WD warn 2WD"));
    assertThat(rule.resolve(scope(Variables.createVariables()))).isEqualTo(SlaPolicy.parse("5WD warn 2WD"));
    assertThat(rule.resolve(null)).isEqualTo(SlaPolicy.parse("5WD warn 2WD"));
    assertThat(SlaRule.parse("5WD").resolve(null)).isEqualTo(SlaPolicy.parse("5WD"));
    assertThatThrownBy(() -> SlaRule.parse("24H if urgent else soon")).isInstanceOf(IllegalArgumentException.class);
    // the case promise is printed on the receipt: one limit
    assertThatThrownBy(() -> new SlaPolicies(new SlaProperties(Map.of("P", Map.of("case", "24H if urgent else 5WD")),
        null), WorkingDayCalendar.loadDefault(), java.time.Clock.systemUTC(), SH))
        .hasMessageContaining("yijianshi.sla.policies.P.case").hasMessageContaining("one limit");
  }

  private static VariableScope scope(VariableMap variables) {
    ExecutionImpl execution = new ExecutionImpl();
    execution.setVariables(variables);
    return execution;
  }

  @Test
  void aDayLimitIsDueSoonFromTheStartOfItsLastDays() {
    Instant start = at("2026-09-30T15:30");
    // 1WD across National Day: due 2026-10-08 end of day, due soon from 2026-10-08 00:00
    assertThat(calculator.dueAt(start, SlaDuration.parse("1WD"))).isEqualTo(at("2026-10-08T23:59:59"));
    assertThat(calculator.warnAt(start, SlaPolicy.parse("1WD"))).isEqualTo(at("2026-10-08T00:00"));
    // 5WD: Oct 8, 9, 10 (make-up Saturday), 12, 13; warn 2WD → from the 4th working day, Oct 12
    assertThat(calculator.dueAt(start, SlaDuration.parse("5WD"))).isEqualTo(at("2026-10-13T23:59:59"));
    assertThat(calculator.warnAt(start, SlaPolicy.parse("5WD warn 2WD"))).isEqualTo(at("2026-10-12T00:00"));
    assertThat(calculator.warnAt(start, SlaPolicy.parse("7CD"))).isEqualTo(at("2026-10-07T00:00"));
  }

  @Test
  void anHourLimitIsDueSoonInItsLastQuarterByDefault() {
    Instant start = at("2026-10-01T08:00");
    assertThat(calculator.warnAt(start, SlaPolicy.parse("24H"))).isEqualTo(at("2026-10-02T02:00"));
    assertThat(calculator.warnAt(start, SlaPolicy.parse("24H warn 2H"))).isEqualTo(at("2026-10-02T06:00"));
  }

  @Test
  void aStoppedClockMovesTheDueDateByThePausedWorkingDays() {
    Instant due = at("2026-11-03T23:59:59");
    // paused Monday 2 Nov, resumed Thursday 5 Nov: Tue, Wed, Thu do not count → due moves 3 working days
    assertThat(calculator.shift(due, SlaUnit.WORKING_DAYS, at("2026-11-02T10:00"), at("2026-11-05T15:00")))
        .isEqualTo(at("2026-11-06T23:59:59"));
    // paused over National Day: 30 Sep → 9 Oct counts only Oct 8 and 9 → due 2 working days later
    assertThat(calculator.shift(at("2026-10-08T23:59:59"), SlaUnit.WORKING_DAYS, at("2026-09-30T16:00"),
        at("2026-10-09T09:00"))).isEqualTo(at("2026-10-10T23:59:59"));
    // the same day: no move; hours: the exact paused time
    assertThat(calculator.shift(due, SlaUnit.WORKING_DAYS, at("2026-11-02T10:00"), at("2026-11-02T16:00")))
        .isEqualTo(due);
    assertThat(calculator.shift(due, SlaUnit.HOURS, at("2026-11-02T10:00"), at("2026-11-02T16:30")))
        .isEqualTo(due.plusSeconds(6 * 3600 + 1800));
  }
}
