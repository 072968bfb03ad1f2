package cn.jiaxing.yijianshi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.pvm.runtime.ExecutionImpl;
import org.junit.jupiter.api.Test;

/** Completion rules beyond yes/no, keyed by process and task, each rejecting with one Chinese message. */
class CompletionRuleTests {

  private static final Map<String, String> LEVELS = Map.of("LOW", "低风险", "MEDIUM", "中风险", "HIGH", "高风险");
  private static final Set<String> AIDS = Set.of("MEDICAL", "EDUCATION", "HOUSING", "EMPLOYMENT");

  /** A 救助-like decision: a risk level, and for a high one an amount, a date and the aids chosen. */
  private static final CompletionRule ASSESS = CompletionRule.choice("AssistanceProcess", "Task_Assess", "riskLevel",
      "风险等级", LEVELS, Map.of("HIGH", checks -> {
        checks.amount("monthlyAid", "每月救助金额", BigDecimal.ONE, new BigDecimal("5000"));
        checks.date("reviewDate", "复核日期");
        checks.selections("aids", "救助项目", AIDS, 1);
      }));

  private static InputChecks checks(Map<String, Object> variables) {
    ExecutionImpl scope = new ExecutionImpl();
    scope.setVariables(variables);
    return new InputChecks(scope);
  }

  private static void check(CompletionRule rule, Map<String, Object> variables) {
    InputChecks checks = checks(variables);
    rule.check(checks);
    checks.throwIfAny("任务未能提交");
  }

  @Test
  void aChoiceAmongSeveralOutcomesWithTheChecksEachNeeds() {
    assertThatCode(() -> check(ASSESS, Map.of("riskLevel", "LOW"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> check(ASSESS, Map.of())).hasMessage("任务未能提交：请选择风险等级。");
    assertThatThrownBy(() -> check(ASSESS, Map.of("riskLevel", "EXTREME")))
        .hasMessageStartingWith("任务未能提交：风险等级只能是：");
    assertThatThrownBy(() -> check(ASSESS, Map.of("riskLevel", "HIGH", "monthlyAid", "12.345", "reviewDate", "明天",
        "aids", List.of("MEDICAL", "LOTTERY"))))
        .hasMessage("任务未能提交：1. 每月救助金额应为金额（元，最多两位小数）；2. 复核日期格式不正确，应为 年-月-日；"
            + "3. 救助项目中含有不可选的项目：LOTTERY。");
    assertThatThrownBy(() -> check(ASSESS, Map.of("riskLevel", "HIGH", "monthlyAid", "9000", "reviewDate", "2027-01-05",
        "aids", "[]")))
        .hasMessage("任务未能提交：1. 每月救助金额应在1元至5000元之间；2. 请至少选择1项救助项目。");
    assertThatCode(() -> check(ASSESS, Map.of("riskLevel", "HIGH", "monthlyAid", "1200.50",
        "reviewDate", "2027-01-05T00:00:00", "aids", "[\"MEDICAL\",\"HOUSING\"]"))).doesNotThrowAnyException();
  }

  @Test
  void theValuesComeBackParsed() {
    InputChecks checks = checks(Map.of("a", "88.8", "d", "2027-02-01", "s", "MEDICAL，HOUSING,MEDICAL"));
    assertThat(checks.amount("a", "金额", BigDecimal.ZERO, BigDecimal.TEN.pow(4))).isEqualByComparingTo("88.80");
    assertThat(checks.date("d", "日期")).isEqualTo(LocalDate.of(2027, 2, 1));
    assertThat(checks.selections("s", "项目", AIDS, 1)).containsExactly("MEDICAL", "HOUSING");
    assertThat(checks.ok()).isTrue();
  }

  @Test
  void aYesNoDecisionNeedsAReasonWhenNo() {
    CompletionRule review = CompletionRule.yesNo("P", "Task_Review", "approved", "审核结论", "reason", "不予办理的理由",
        checks -> checks.require(checks.isTrue("checked"), "须核实原件"));
    assertThatThrownBy(() -> check(review, Map.of())).hasMessage("任务未能提交：请选择审核结论。");
    assertThatThrownBy(() -> check(review, Map.of("approved", false))).hasMessage("任务未能提交：不予办理的理由不能为空。");
    assertThatThrownBy(() -> check(review, Map.of("approved", "true"))).hasMessage("任务未能提交：须核实原件。");
    assertThatCode(() -> check(review, Map.of("approved", true, "checked", true))).doesNotThrowAnyException();
    assertThat(review.allowsSupplement()).isFalse();
    assertThat(review.allowingSupplement().allowsSupplement()).isTrue();
  }

  @Test
  void rulesAreKeyedByProcessAndTask() {
    CompletionRule a = CompletionRule.of("ProcessA", "Task_Review", checks -> { });
    CompletionRule b = CompletionRule.of("ProcessB", "Task_Review", checks -> { }).allowingSupplement();
    TaskDecisionValidator validator = new TaskDecisionValidator(List.of(a, b));
    assertThat(validator.allowsSupplement("ProcessA", "Task_Review")).isFalse();
    assertThat(validator.allowsSupplement("ProcessB", "Task_Review")).isTrue();
    assertThatThrownBy(() -> new TaskDecisionValidator(List.of(a, CompletionRule.of("ProcessA", "Task_Review", c -> { }))))
        .hasMessageContaining("Two completion rules for ProcessA/Task_Review");
  }
}
