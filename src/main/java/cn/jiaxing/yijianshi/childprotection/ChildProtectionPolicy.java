package cn.jiaxing.yijianshi.childprotection;

import static cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** {@code ${childProtection}}: what the model of {@code ChildProtectionProcess} reads — its timers and the plan's branches. */
@Component("childProtection")
public class ChildProtectionPolicy {

  /** A part of the help plan: its task, the department's group and its name in the case's history. */
  record Help(String task, String group, String name, String resultVariable) {
  }

  static final Map<String, Help> HELP = help();

  private final ChildProtectionRules rules;

  ChildProtectionPolicy(ChildProtectionRules rules) {
    this.rules = rules;
  }

  public String firstResponse() {
    return rules.firstResponse().toString();
  }

  public String onSiteResponse() {
    return rules.onSiteResponse().toString();
  }

  /** How long the court has for the 人身安全保护令 asked for (24 hours when urgent). */
  public String protectionOrderLimit(VariableScope scope) {
    return ("REQUEST_URGENT".equals(scope.getVariable(PROTECTION_ORDER)) ? rules.urgentProtectionOrder()
        : rules.protectionOrder()).toString();
  }

  /** The next visit, by the child's risk level. */
  public String visitCycle(VariableScope scope) {
    Object risk = scope.getVariable(RISK_LEVEL);
    return ("HIGH".equals(risk) ? rules.highRiskVisits() : "MEDIUM".equals(risk) ? rules.mediumRiskVisits()
        : rules.lowRiskVisits()).toString();
  }

  /** Whether the help plan names this department's part (a branch of Gateway_HelpPlan). */
  public boolean helps(VariableScope scope, String part) {
    Object v = scope.getVariable(HELP_DEPARTMENTS);
    return v != null && Arrays.stream(v.toString().split(",")).map(String::strip).anyMatch(part::equals);
  }


  static List<String> parts() {
    return List.copyOf(HELP.keySet());
  }

  private static Map<String, Help> help() {
    Map<String, Help> m = new LinkedHashMap<>();
    m.put("EDUCATION", new Help("Task_ProvideEducationSupport", "jy", "教育帮扶（教育局）", "educationHelpResult"));
    m.put("HEALTH", new Help("Task_ProvideMedicalCare", "wj", "医疗救治（卫健委）", "healthHelpResult"));
    m.put("SUBSIDY", new Help("Task_GrantChildSubsidy", "mzjz", "困境儿童生活补贴（民政局）", "subsidyHelpResult"));
    m.put("COUNSELLING", new Help("Task_ProvideCounselling", "sg", "心理疏导（社会工作服务机构）", "counsellingHelpResult"));
    return java.util.Collections.unmodifiableMap(m);
  }
}
