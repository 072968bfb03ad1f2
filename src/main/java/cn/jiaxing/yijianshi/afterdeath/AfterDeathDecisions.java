package cn.jiaxing.yijianshi.afterdeath;

import static cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.*;

import cn.jiaxing.yijianshi.engine.CompletionRule;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** What the clerks decide in {@code AfterDeathProcess}, checked when they complete their task. */
@Configuration
class AfterDeathDecisions {

  /** 殡仪馆: the cremation is recorded with its 火化证明 number, on a day between the death and today. */
  @Bean
  CompletionRule arrangeFuneral(Clock clock) {
    return CompletionRule.of(PROCESS_KEY, "Task_ArrangeFuneral", checks -> {
      String certificate = checks.text(CREMATION_CERTIFICATE_NUMBER, "火化证明编号");
      checks.require(certificate == null || certificate.matches("[A-Za-z0-9-]{4,32}"),
          "火化证明编号只能是4至32位字母、数字或连字符");
      LocalDate cremated = checks.date(CREMATION_DATE, "火化日期");
      LocalDate died = checks.date(DATE_OF_DEATH, "死亡日期");
      if (cremated != null && died != null) {
        checks.require(!cremated.isBefore(died), "火化日期（" + cremated + "）不能早于死亡日期（" + died + "）");
        checks.require(!cremated.isAfter(LocalDate.now(clock)), "火化日期（" + cremated + "）不能晚于今天：火化后再办结");
      }
    });
  }

  /**
   * {@code ${funeralFeeReductionListener}} at the end of the 惠民殡葬 decision: its outputs become the
   * variables the funeral home's form shows and the family is told.
   */
  @Component("funeralFeeReductionListener")
  static class FuneralFeeReductionListener implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      Object result = execution.getVariable("funeralFeeReduction");
      if (!(result instanceof Map<?, ?> reduction)) {
        throw new IllegalStateException("Decision_FuneralFeeReduction gave no single result: " + result);
      }
      execution.setVariable(FREE_FUNERAL_ITEMS, reduction.get("freeItems"));
      execution.setVariable(EXTRA_FUNERAL_REDUCTION, reduction.get("extraReduction"));
      execution.setVariable(FUNERAL_POLICY_BASIS, reduction.get("policyBasis"));
      execution.removeVariable("funeralFeeReduction");
    }
  }
}
