package cn.jiaxing.yijianshi.afterdeath;

import static cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.*;

import cn.jiaxing.yijianshi.engine.CompletionRule;
import java.time.Clock;
import java.time.LocalDate;
import cn.jiaxing.yijianshi.casefile.CaseFiles;
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

  static final Map<String, String> REAL_ESTATE_OUTCOMES = cn.jiaxing.yijianshi.engine.InputChecks.options(
      "REGISTERED", "已办理继承登记", "MATERIALS_NEEDED", "需申请人补充材料");

  /**
   * 不动产登记中心: the inheritance is registered with the new certificate's number, or the family is told
   * which materials they must bring (e.g. 继承权公证书, the other heirs' waivers).
   */
  @Bean
  CompletionRule registerRealEstateInheritance() {
    return CompletionRule.choice(PROPERTY_PROCESS_KEY, "Task_RegisterRealEstateInheritance", REAL_ESTATE_OUTCOME,
        "办理结果", REAL_ESTATE_OUTCOMES, Map.of(
        "REGISTERED", checks -> {
          String number = checks.text(REAL_ESTATE_CERTIFICATE, "不动产权证书号");
          checks.require(number == null || number.length() <= 60 && number.matches("[\\p{IsHan}A-Za-z0-9()（）〔〕-]+"),
              "不动产权证书号只能含汉字、字母、数字和括号，不超过60个字");
        },
        "MATERIALS_NEEDED", checks -> {
          String note = checks.text(REAL_ESTATE_NOTE, "需补充的材料");
          checks.require(note == null || note.length() <= 500, "需补充的材料不能超过500个字");
        }));
  }

  /**
   * {@code ${realEstateInheritanceListener}} at the end of Task_RegisterRealEstateInheritance: the outcome
   * in words the family reads; when materials are missing the family is told at once by mail, since they
   * must act (the case goes on with the other matters).
   */
  @Component("realEstateInheritanceListener")
  static class RealEstateInheritanceListener implements ExecutionListener {
    private final CaseFiles cases;

    RealEstateInheritanceListener(CaseFiles cases) {
      this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
      Object outcome = execution.getVariable(REAL_ESTATE_OUTCOME);
      if (execution.isCanceled() || outcome == null) {
        return; // the task ended without the clerk's decision (the case was canceled)
      }
      if ("REGISTERED".equals(outcome)) {
        execution.setVariable(REAL_ESTATE_RESULT, "已办理不动产继承登记（不动产权证书号 "
            + execution.getVariable(REAL_ESTATE_CERTIFICATE) + "）");
        return;
      }
      String note = String.valueOf(execution.getVariable(REAL_ESTATE_NOTE));
      execution.setVariable(REAL_ESTATE_RESULT, "未办结：需补充材料（" + note + "），请携带材料到不动产登记中心窗口续办");
      cases.askApplicant(execution.getProcessBusinessKey(), "不动产继承登记（嘉兴市不动产登记中心）", note);
    }
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
