package cn.jiaxing.yijianshi.assistance;

import static cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.*;

import cn.jiaxing.yijianshi.casefile.CaseFiles;
import cn.jiaxing.yijianshi.engine.CompletionRule;
import cn.jiaxing.yijianshi.engine.InputChecks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * What the clerks decide in {@code SocialAssistanceProcess}, checked when they complete their task, and what
 * follows from it when the task ends (the listeners named in the model).
 */
@Configuration
class SocialAssistanceDecisions {

  static final Map<String, String> AUTHORIZATION_OUTCOMES = cn.jiaxing.yijianshi.engine.InputChecks.options(
      "SIGNED", "申请人已签署授权书", "DECLINED", "申请人拒绝签署");
  static final Map<String, String> FOLLOW_UPS = cn.jiaxing.yijianshi.engine.InputChecks.options(
      "RERUN", "重新核对未答复的部门", "PROCEED", "不再等待，由入户调查核实");
  static final Map<String, String> OPINIONS = cn.jiaxing.yijianshi.engine.InputChecks.options(
      "APPROVE", "符合条件，拟同意", "REFUSE", "不符合条件，拟不同意");
  static final Map<String, String> DECISIONS = cn.jiaxing.yijianshi.engine.InputChecks.options(
      "DIBAO", "最低生活保障（低保）", "TEKUN", "特困人员救助供养", "REFUSED", "不予救助");
  static final Map<String, String> AID_OUTCOMES = cn.jiaxing.yijianshi.engine.InputChecks.options(
      "APPROVED", "给予救助或帮扶", "REFUSED", "不予救助");
  private static final BigDecimal MAX_INCOME = new BigDecimal("1000000");
  private static final BigDecimal MAX_ASSETS = new BigDecimal("100000000");

  static String authorizationNumber(String caseNumber) {
    return "SQ" + caseNumber;
  }

  @Bean
  CompletionRule collectAuthorization() {
    return CompletionRule.choice(PROCESS_KEY, "Task_CollectAuthorization", AUTHORIZATION_OUTCOME, "授权书签署情况",
        AUTHORIZATION_OUTCOMES, Map.of());
  }

  @Bean
  CompletionRule grantUrgentAssistance(SocialAssistanceRules rules) {
    return CompletionRule.of(PROCESS_KEY, "Task_GrantUrgentAssistance", checks -> {
      checks.amount(URGENT_AMOUNT, "先行救助金额", new BigDecimal("0.01"), rules.urgentLimit());
      String help = checks.text(URGENT_HELP, "救助方式和内容", 200);
    });
  }

  @Bean
  CompletionRule completeUrgentPaperwork() {
    return CompletionRule.of(PROCESS_KEY, "Task_CompleteUrgentPaperwork",
        checks -> checks.require(checks.isTrue(PAPERWORK_COMPLETE), "请确认已补齐申请材料（申请表、家庭成员和收入财产情况）"));
  }

  @Bean
  CompletionRule reviewMissingSources() {
    return CompletionRule.choice(PROCESS_KEY, "Task_ReviewMissingSources", CHECK_FOLLOW_UP, "处理方式", FOLLOW_UPS,
        Map.of("PROCEED", checks -> {
          String note = checks.text(CHECK_FOLLOW_UP_NOTE, "核实方式说明", 500);
        }));
  }

  @Bean
  CompletionRule investigateHousehold(SocialAssistanceRules rules, Clock clock) {
    return CompletionRule.of(PROCESS_KEY, "Task_InvestigateHousehold", checks -> {
      checks.count(VERIFIED_SIZE, "核实的家庭人口", 1, rules.maxMembers());
      checks.amount(VERIFIED_INCOME, "核实的家庭月收入", BigDecimal.ZERO, MAX_INCOME);
      checks.amount(VERIFIED_ASSETS, "核实的家庭财产（存款等金融资产）", BigDecimal.ZERO, MAX_ASSETS);
      checks.count(ABLE_TO_WORK, "有劳动能力的成员人数", 0, rules.maxMembers());
      LocalDate visited = checks.date(INVESTIGATION_DATE, "入户调查日期");
      checks.require(visited == null || !visited.isAfter(LocalDate.now(clock)), "入户调查日期不能晚于今天");
      checks.text(FINDINGS, "入户调查情况", 2000);
      checks.text(DEMOCRATIC_REVIEW, "民主评议结果", 500);
      checks.choice(TOWNSHIP_OPINION, "乡镇（街道）初审意见", OPINIONS);
    });
  }

  @Bean
  CompletionRule recordNoticeObjection() {
    return CompletionRule.of(PROCESS_KEY, "Task_RecordNoticeObjection",
        checks -> checks.text(NOTICE_OBJECTION, "异议内容", 2000));
  }

  @Bean
  CompletionRule confirmAssistance() {
    return CompletionRule.of(PROCESS_KEY, "Task_ConfirmAssistance", checks -> {
      String decision = checks.choice(DECISION, "审批决定", DECISIONS);
      String proposed = checks.optionalText(PROPOSED_CATEGORY);
      String reason = checks.optionalText(DECISION_REASON, "决定理由");
      checks.require(decision == null || decision.equals(proposed) || reason != null,
          "审批决定与核对建议（" + DECISIONS.getOrDefault(proposed, "无") + "）不同，请填写决定理由");
      checks.require(!"REFUSED".equals(decision) || reason != null || "REFUSED".equals(proposed),
          "不予救助的，请填写理由");
      checks.require(reason == null || reason.length() <= 500, "决定理由不能超过500个字");
    });
  }

  @Bean
  CompletionRule writeRefusalNotice() {
    return CompletionRule.of(PROCESS_KEY, "Task_WriteRefusalNotice",
        checks -> checks.text(REFUSAL_NOTICE, "不予救助告知书（理由）", 2000));
  }

  /** Each companion aid: given (an amount, a service, or both) or refused with a reason. */
  private static CompletionRule companionAid(String aid) {
    Consumer<InputChecks> approved = checks -> {
      boolean hasAmount = checks.hasValue(AID_AMOUNT);
      if (hasAmount) {
        checks.amount(AID_AMOUNT, "救助金额", BigDecimal.ZERO, MAX_INCOME);
      }
      String service = checks.optionalText(AID_SERVICE, "救助或帮扶内容");
      checks.require(hasAmount || service != null, "给予救助的，请填写救助金额或救助、帮扶内容");
      checks.require(service == null || service.length() <= 200, "救助或帮扶内容不能超过200个字");
    };
    Consumer<InputChecks> refused = checks -> checks.text(AID_REASON, "不予救助理由", 500);
    return CompletionRule.choice(PROCESS_KEY, SocialAssistancePolicy.AIDS.get(aid).task(), AID_OUTCOME, "决定",
        AID_OUTCOMES, Map.of("APPROVED", approved, "REFUSED", refused));
  }

  @Bean
  CompletionRule decideMedicalAid() {
    return companionAid("MEDICAL");
  }

  @Bean
  CompletionRule decideEducationAid() {
    return companionAid("EDUCATION");
  }

  @Bean
  CompletionRule decideHousingAid() {
    return companionAid("HOUSING");
  }

  @Bean
  CompletionRule decideEmploymentAid() {
    return companionAid("EMPLOYMENT");
  }

  @Bean
  CompletionRule decideDisasterAid() {
    return companionAid("DISASTER");
  }

  @Bean
  CompletionRule decideTemporaryAid() {
    return companionAid("TEMPORARY");
  }

  @Bean
  CompletionRule referToCharity() {
    return companionAid("CHARITY");
  }

  @Bean
  CompletionRule recheckHousehold(SocialAssistanceRules rules) {
    return CompletionRule.of(PROCESS_KEY, "Task_RecheckHousehold", checks -> {
      checks.count(RECHECK_SIZE, "复核的家庭人口", 1, rules.maxMembers());
      checks.amount(RECHECK_INCOME, "复核的家庭月收入", BigDecimal.ZERO, MAX_INCOME);
      checks.optionalText(RECHECK_NOTE, "复核情况", 500);
    });
  }


  /** The amount of a form's number field (a number, or text over REST). */
  static BigDecimal number(Object value) {
    return value == null || value.toString().isBlank() ? BigDecimal.ZERO : new BigDecimal(value.toString().strip());
  }

  /** A task ended by its clerk (not canceled by a boundary event or the case's end). */
  private static boolean decided(DelegateExecution execution, String variable) {
    return !execution.isCanceled() && execution.getVariable(variable) != null;
  }

  /** {@code ${authorizationListener}}: a signed authorization gets its number; a declined one refuses the case. */
  @Component("authorizationListener")
  static class AuthorizationListener implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      if (!decided(execution, AUTHORIZATION_OUTCOME)) {
        return;
      }
      boolean signed = "SIGNED".equals(execution.getVariable(AUTHORIZATION_OUTCOME));
      execution.setVariable(AUTHORIZATION_SIGNED, signed);
      if (signed) {
        execution.setVariable(AUTHORIZATION_NUMBER, authorizationNumber(execution.getProcessBusinessKey()));
      } else {
        execution.setVariable(REFUSAL_REASON, "申请人未签署《家庭经济状况核对授权书》，无法核对家庭经济状况，"
            + "依《社会救助暂行办法》不予受理；签署后可重新申请");
      }
    }
  }

  /** {@code ${urgentAssistanceListener}}: 先行救助 given; the household is told at once. */
  @Component("urgentAssistanceListener")
  static class UrgentAssistanceListener implements ExecutionListener {
    private final CaseFiles cases;

    UrgentAssistanceListener(CaseFiles cases) {
      this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
      if (!decided(execution, URGENT_AMOUNT)) {
        return;
      }
      String result = "已先行救助 " + SocialAssistanceSteps.yuan(number(execution.getVariable(URGENT_AMOUNT)))
          + "（" + execution.getVariable(URGENT_HELP) + "），请在5个工作日内补齐申请材料";
      execution.setVariable(URGENT_RESULT, result);
      cases.inform(execution.getProcessBusinessKey(), "临时救助（先行救助）", result);
    }
  }

  /**
   * {@code ${investigationListener}}: the verified facts per person, and the policy's numbers, as
   * Decision_AssistanceCategory reads them (and the county clerk's form shows them).
   */
  @Component("investigationListener")
  static class InvestigationListener implements ExecutionListener {
    private final SocialAssistanceRules rules;

    InvestigationListener(SocialAssistanceRules rules) {
      this.rules = rules;
    }

    @Override
    public void notify(DelegateExecution execution) {
      if (!decided(execution, TOWNSHIP_OPINION)) {
        return;
      }
      BigDecimal size = number(execution.getVariable(VERIFIED_SIZE));
      execution.setVariable(VERIFIED_SIZE, size.intValueExact());
      execution.setVariable(INCOME_PER_PERSON, number(execution.getVariable(VERIFIED_INCOME))
          .divide(size, 0, RoundingMode.HALF_UP).longValueExact());
      execution.setVariable(ASSETS_PER_PERSON, number(execution.getVariable(VERIFIED_ASSETS))
          .divide(size, 0, RoundingMode.HALF_UP).longValueExact());
      execution.setVariable(ABLE_TO_WORK, number(execution.getVariable(ABLE_TO_WORK)).intValueExact());
      execution.setVariable(CAPABLE_SUPPORTER, Boolean.TRUE.equals(execution.getVariable(CAPABLE_SUPPORTER)));
      execution.setVariable(POVERTY_LINE, rules.povertyLine());
      execution.setVariable(ASSET_LIMIT, rules.povertyLine() * rules.assetLimitMonths());
      execution.removeVariable(NOTICE_OBJECTION); // an earlier objection has been investigated
    }
  }

  /** {@code ${assistanceProposalListener}}: Decision_AssistanceCategory's row becomes the proposal the county reads. */
  @Component("assistanceProposalListener")
  static class AssistanceProposalListener implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      Object result = execution.getVariable("assistanceProposal");
      if (!(result instanceof Map<?, ?> proposal)) {
        throw new IllegalStateException("Decision_AssistanceCategory gave no single result: " + result);
      }
      execution.setVariable(PROPOSED_CATEGORY, proposal.get("category"));
      execution.setVariable(PROPOSAL_REASON, proposal.get("reason"));
      execution.removeVariable("assistanceProposal");
    }
  }

  /** {@code ${assistanceDecisionListener}}: the county decided; an approval is told at once, a refusal is written next. */
  @Component("assistanceDecisionListener")
  static class AssistanceDecisionListener implements ExecutionListener {
    private final CaseFiles cases;
    private final Clock clock;

    AssistanceDecisionListener(CaseFiles cases, Clock clock) {
      this.cases = cases;
      this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
      if (!decided(execution, DECISION)) {
        return;
      }
      String decision = execution.getVariable(DECISION).toString();
      Object reason = execution.getVariable(DECISION_REASON);
      if ("REFUSED".equals(decision)) {
        execution.setVariable(REFUSAL_NOTICE, reason != null ? reason : execution.getVariable(PROPOSAL_REASON));
        return;
      }
      execution.setVariable(APPROVED_ON, LocalDate.now(clock).toString());
      cases.inform(execution.getProcessBusinessKey(), "社会救助审批", "经审核确认，您家庭符合"
          + DECISIONS.get(decision) + "条件，救助金自次月起按月发放；配套救助正由相关部门办理，结果将另行告知");
    }
  }

  /** {@code ${refusalNoticeListener}}: the written refusal is the case's refusal reason (sent with the closing mail). */
  @Component("refusalNoticeListener")
  static class RefusalNoticeListener implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      if (decided(execution, REFUSAL_NOTICE)) {
        execution.setVariable(REFUSAL_REASON, "不予救助：" + execution.getVariable(REFUSAL_NOTICE));
      }
    }
  }

  /** {@code ${companionAidsListener}}: Decision_CompanionAids's rows become the branches to run. */
  @Component("companionAidsListener")
  static class CompanionAidsListener implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      Object result = execution.getVariable("companionAidList");
      LinkedHashSet<String> chosen = new LinkedHashSet<>();
      if (result instanceof List<?> list) {
        list.forEach(a -> chosen.add(String.valueOf(a)));
      }
      // in the order of the aids (a rule may name one twice)
      List<String> ordered = SocialAssistancePolicy.AIDS.keySet().stream().filter(chosen::contains).toList();
      execution.setVariable(COMPANION_AIDS, String.join(",", ordered));
      execution.removeVariable("companionAidList");
    }
  }

  /**
   * {@code ${companionAidListener}} at the end of each aid's task: the department's answer in the
   * household's words, told at once; the form's fields are cleared for the next department's task.
   */
  @Component("companionAidListener")
  static class CompanionAidListener implements ExecutionListener {
    private final CaseFiles cases;

    CompanionAidListener(CaseFiles cases) {
      this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
      if (!decided(execution, AID_OUTCOME)) {
        return;
      }
      var aid = SocialAssistancePolicy.AIDS.values().stream()
          .filter(a -> a.task().equals(execution.getCurrentActivityId())).findFirst()
          .orElseThrow(() -> new IllegalStateException("No companion aid at " + execution.getCurrentActivityId()));
      String result;
      if ("APPROVED".equals(execution.getVariable(AID_OUTCOME))) {
        List<String> parts = new ArrayList<>();
        Object amount = execution.getVariable(AID_AMOUNT);
        if (amount != null && !amount.toString().isBlank() && number(amount).signum() > 0) {
          parts.add(SocialAssistanceSteps.yuan(number(amount)));
        }
        Object service = execution.getVariable(AID_SERVICE);
        if (service != null && !service.toString().isBlank()) {
          parts.add(service.toString().strip());
        }
        result = "给予救助：" + String.join("；", parts);
      } else {
        result = "不予救助：" + execution.getVariable(AID_REASON);
      }
      execution.setVariable(aid.resultVariable(), result);
      for (String field : List.of(AID_OUTCOME, AID_AMOUNT, AID_SERVICE, AID_REASON)) {
        execution.removeVariable(field);
      }
      cases.inform(execution.getProcessBusinessKey(), aid.name(), result);
    }
  }

  /**
   * {@code ${recheckListener}}: the re-checked income per person against the standard: assistance goes on;
   * or, above it, a 渐退期 when the rise came from work (and the policy has one), else it stops.
   */
  @Component("recheckListener")
  static class RecheckListener implements ExecutionListener {
    private final SocialAssistanceRules rules;
    private final CaseFiles cases;

    RecheckListener(SocialAssistanceRules rules, CaseFiles cases) {
      this.rules = rules;
      this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
      if (!decided(execution, RECHECK_INCOME)) {
        return;
      }
      BigDecimal size = number(execution.getVariable(RECHECK_SIZE));
      long perPerson = number(execution.getVariable(RECHECK_INCOME)).divide(size, 0, RoundingMode.HALF_UP).longValueExact();
      boolean fromWork = Boolean.TRUE.equals(execution.getVariable(INCOME_FROM_WORK));
      String outcome;
      String result;
      if (perPerson < rules.povertyLine()) {
        outcome = "CONTINUE";
        result = "家庭人均月收入 " + perPerson + " 元，低于当地标准 " + rules.povertyLine() + " 元，继续享受救助";
      } else if (fromWork && !rules.gradualExit().isZero()) {
        outcome = "GRADUAL_EXIT";
        result = "家庭人均月收入 " + perPerson + " 元，已高于当地标准；因就业增收，给予 " + rules.gradualExit().toTotalMonths()
            + " 个月渐退期，期满后停发";
      } else {
        outcome = "STOP";
        result = "家庭人均月收入 " + perPerson + " 元，已高于当地标准 " + rules.povertyLine() + " 元，救助金将停发";
      }
      execution.setVariable(RECHECK_OUTCOME, outcome);
      execution.setVariable(RECHECK_RESULT, result);
      cases.inform(execution.getProcessBusinessKey(), "社会救助复核", result);
    }
  }
}
