package cn.jiaxing.yijianshi.childprotection;

import static cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.*;

import cn.jiaxing.yijianshi.engine.CompletionRule;
import cn.jiaxing.yijianshi.engine.InputChecks;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** What the child-protection roles decide, checked when they complete their task, and what follows from it. */
@Configuration
class ChildProtectionDecisions {

  static final Map<String, String> DANGERS = cn.jiaxing.yijianshi.engine.InputChecks.options("DANGER", "存在紧迫危险，立即出警处置",
      "NO_DANGER", "无紧迫危险，转评估帮扶");
  static final Map<String, String> PLACEMENTS = cn.jiaxing.yijianshi.engine.InputChecks.options("STAYS_HOME", "留在家中（危险已排除）",
      "OTHER_GUARDIAN", "交由其他监护人照料", "RELATIVE", "交由其他成年近亲属照料", "COMMUNITY", "交由村（居）民委员会照料",
      "PROTECTION_CENTRE", "送未成年人救助保护机构");
  static final Map<String, String> ORDERS = cn.jiaxing.yijianshi.engine.InputChecks.options("NONE", "不申请",
      "REQUEST", "申请人身安全保护令", "REQUEST_URGENT", "紧急申请人身安全保护令（24小时内裁定）");
  static final Map<String, String> RISKS = cn.jiaxing.yijianshi.engine.InputChecks.options("HIGH", "高风险（每月探访）",
      "MEDIUM", "中风险", "LOW", "低风险");
  static final Map<String, String> GUARDIANSHIPS = cn.jiaxing.yijianshi.engine.InputChecks.options("FIT", "监护人能够履行监护职责",
      "TEMPORARY_CARE", "需由民政部门临时监护", "REMOVAL_NEEDED", "监护人严重失职，需撤销监护人资格");
  static final Map<String, String> REVIEWS = cn.jiaxing.yijianshi.engine.InputChecks.options("FIT_AGAIN", "监护人已恢复监护能力",
      "WARNED", "经训诫和家庭教育指导，可以返回", "UNFIT", "监护人不宜继续监护");
  static final Map<String, String> CLOSURES = cn.jiaxing.yijianshi.engine.InputChecks.options("APPROVE", "同意结案", "CONTINUE", "继续监测");


  private static void number(InputChecks checks, String variable, String label) {
    String number = checks.text(variable, label);
    checks.require(number == null || number.length() <= 40 && number.matches("[\\p{IsHan}A-Za-z0-9()（）〔〕-]+"),
        label + "只能含汉字、字母、数字、括号和连字符，不超过40个字");
  }

  @Bean
  CompletionRule acceptReport() {
    return CompletionRule.of(PROCESS_KEY, "Task_AcceptReport", checks -> {
      number(checks, POLICE_CASE_NUMBER, "受案登记号");
      checks.choice(DANGER, "紧迫危险研判", DANGERS);
      checks.text(ACCEPTANCE_NOTE, "受案情况", 1000);
    });
  }

  @Bean
  CompletionRule respondOnSite() {
    return CompletionRule.of(PROCESS_KEY, "Task_RespondOnSite", checks -> {
      checks.choice(PLACEMENT, "儿童安置", PLACEMENTS);
      checks.text(ON_SITE_NOTE, "现场处置情况", 2000);
      checks.choice(PROTECTION_ORDER, "人身安全保护令", ORDERS);
    });
  }

  @Bean
  CompletionRule assessChild() {
    return CompletionRule.of(PROCESS_KEY, "Task_AssessChild", checks -> {
      checks.choice(RISK_LEVEL, "风险等级", RISKS);
      checks.text(ASSESSMENT, "评估结论", 2000);
      checks.text(HELP_PLAN, "帮扶方案", 2000);
      checks.selections(HELP_DEPARTMENTS, "帮扶部门", ChildProtectionPolicy.HELP.keySet(), 0);
      checks.choice(GUARDIANSHIP, "监护状况", GUARDIANSHIPS);
    });
  }

  private static CompletionRule help(String part) {
    return CompletionRule.of(PROCESS_KEY, ChildProtectionPolicy.HELP.get(part).task(),
        checks -> checks.text(HELP_PROVIDED, "帮扶落实情况", 1000));
  }

  @Bean
  CompletionRule provideEducationSupport() {
    return help("EDUCATION");
  }

  @Bean
  CompletionRule provideMedicalCare() {
    return help("HEALTH");
  }

  @Bean
  CompletionRule grantChildSubsidy() {
    return help("SUBSIDY");
  }

  @Bean
  CompletionRule provideCounselling() {
    return help("COUNSELLING");
  }

  @Bean
  CompletionRule arrangeTemporaryGuardianship() {
    return CompletionRule.of(PROCESS_KEY, "Task_ArrangeTemporaryGuardianship",
        checks -> checks.text(TEMPORARY_CARE_PLACE, "临时监护安置方式和地点", 200));
  }

  @Bean
  CompletionRule reviewGuardian() {
    return CompletionRule.of(PROCESS_KEY, "Task_ReviewGuardian", checks -> {
      checks.choice(GUARDIAN_REVIEW, "监护能力评估结论", REVIEWS);
      checks.text(GUARDIAN_REVIEW_NOTE, "评估情况", 1000);
    });
  }

  @Bean
  CompletionRule issueProcuratorialAdvice() {
    return CompletionRule.of(PROCESS_KEY, "Task_IssueProcuratorialAdvice", checks -> {
      number(checks, ADVICE_NUMBER, "检察建议书文号");
      checks.text(ADVICE, "检察建议内容", 2000);
    });
  }

  @Bean
  CompletionRule arrangeLongTermGuardianship() {
    return CompletionRule.of(PROCESS_KEY, "Task_ArrangeLongTermGuardianship",
        checks -> checks.text(LONG_TERM_CARE_PLACE, "长期监护安置方式", 200));
  }

  @Bean
  CompletionRule returnChildHome() {
    return CompletionRule.of(PROCESS_KEY, "Task_ReturnChildHome", checks -> checks.text(RETURN_PLAN, "返家帮扶和监测安排", 1000));
  }

  @Bean
  CompletionRule recordVisit(Clock clock) {
    return CompletionRule.of(PROCESS_KEY, "Task_RecordVisit", checks -> {
      LocalDate visited = checks.date(VISIT_DATE, "探访日期");
      checks.require(visited == null || !visited.isAfter(LocalDate.now(clock)), "探访日期不能晚于今天");
      checks.text(VISIT_NOTE, "探访情况", 1000);
    });
  }

  @Bean
  CompletionRule approveClosure() {
    return CompletionRule.of(PROCESS_KEY, "Task_ApproveClosure", checks -> {
      String decision = checks.choice(CLOSURE_DECISION, "结案审批意见", CLOSURES);
      if ("CONTINUE".equals(decision)) {
        checks.text(CLOSURE_NOTE, "继续监测的理由", 500);
      }
    });
  }

  /** {@code ${assessmentListener}}: the plan's departments as the gateway reads them (comma-separated codes). */
  @Component("assessmentListener")
  static class AssessmentListener implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      if (execution.isCanceled() || execution.getVariable(RISK_LEVEL) == null) {
        return;
      }
      InputChecks checks = new InputChecks(execution);
      List<String> parts = checks.selections(HELP_DEPARTMENTS, "帮扶部门", ChildProtectionPolicy.HELP.keySet(), 0);
      execution.setVariable(HELP_DEPARTMENTS, String.join(",", parts));
    }
  }

  /** {@code ${childHelpListener}} at the end of each help task: its result kept, the form's field cleared for the next. */
  @Component("childHelpListener")
  static class ChildHelpListener implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      Object done = execution.getVariable(HELP_PROVIDED);
      if (execution.isCanceled() || done == null) {
        return;
      }
      var help = ChildProtectionPolicy.HELP.values().stream().filter(h -> h.task().equals(execution.getCurrentActivityId()))
          .findFirst().orElseThrow(() -> new IllegalStateException("No help part at " + execution.getCurrentActivityId()));
      execution.setVariable(help.resultVariable(), done);
      execution.removeVariable(HELP_PROVIDED);
    }
  }

  /** {@code ${visitListener}}: whether the visitor proposes closing the case (an unticked box may be absent). */
  @Component("visitListener")
  static class VisitListener implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      if (!execution.isCanceled()) {
        execution.setVariable(PROPOSE_CLOSURE, new InputChecks(execution).isTrue(PROPOSE_CLOSURE));
      }
    }
  }

  /** {@code ${onSiteListener}}: whether the 人身安全保护令 is asked urgently (its limits, the timer's and the record's, read it). */
  @Component("onSiteListener")
  static class OnSiteListener implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      if (!execution.isCanceled() && execution.getVariable(PROTECTION_ORDER) != null) {
        execution.setVariable("protectionOrderUrgent", "REQUEST_URGENT".equals(execution.getVariable(PROTECTION_ORDER)));
      }
    }
  }

  /**
   * {@code ${courtDecisionListener}} on the events that receive the court's decisions: the message must say
   * what was decided (granted or not, removed or not) with the decision's number; otherwise the court's
   * message is refused (400) and the case keeps waiting.
   */
  @Component("courtDecisionListener")
  static class CourtDecisionListener implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      if (execution.isCanceled()) {
        return; // the case was withdrawn while waiting for the court
      }
      boolean judgment = "Task_AwaitGuardianshipJudgment".equals(execution.getCurrentActivityId());
      String decided = judgment ? GUARDIAN_REMOVED : PROTECTION_ORDER_GRANTED;
      String number = judgment ? JUDGMENT_NUMBER : PROTECTION_ORDER_NUMBER;
      InputChecks checks = new InputChecks(execution);
      Boolean outcome = checks.decision(decided, judgment ? "是否撤销监护人资格" : "是否作出人身安全保护令");
      number(checks, number, judgment ? "判决书编号" : "裁定书编号");
      checks.throwIfAny("法院裁判信息不完整，未能登记");
      execution.setVariable(decided, outcome);
    }
  }
}
