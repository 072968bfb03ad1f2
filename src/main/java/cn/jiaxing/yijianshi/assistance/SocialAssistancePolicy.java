package cn.jiaxing.yijianshi.assistance;

import static cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * {@code ${socialAssistance}}: what the model of {@code SocialAssistanceProcess} reads — the sources of the
 * economic check still to ask, the companion aids chosen, and the policy's periods (公示, re-check, 渐退期).
 */
@Component("socialAssistance")
public class SocialAssistancePolicy {

  /** The sources of 家庭经济状况核对 (domain.md §3), by system code, in the order the report lists them. */
  static final Map<String, String> SOURCES = cn.jiaxing.yijianshi.engine.InputChecks.options("ga", "公安（户籍、车辆）", "rs", "人社（工资、养老金）",
      "bdc", "不动产登记", "scjg", "市场监管（市场主体）", "sw", "税务（应税收入）", "gjj", "住房公积金",
      "yh", "银行（存款）");

  /** A companion aid: who decides it (their task and group) and its name in the household's words. */
  record Aid(String task, String group, String name, String resultVariable) {
  }

  /** The companion aids ("8" beside 低保/特困, and "X"), each decided by its department. */
  static final Map<String, Aid> AIDS = aids();

  private final SocialAssistanceRules rules;

  SocialAssistancePolicy(SocialAssistanceRules rules) {
    this.rules = rules;
  }

  /** The sources to ask now: every source the first time, then those that have not answered. */
  public List<String> pendingSources(VariableScope scope) {
    return SOURCES.keySet().stream().filter(s -> !answered(scope, s)).toList();
  }

  /** Whether a source has not answered (asked and silent, or not asked yet). */
  static boolean answered(VariableScope scope, String source) {
    Object facts = scope.getVariable(CHECK_FACTS_PREFIX + source);
    return facts != null && !facts.toString().startsWith("NO_ANSWER");
  }

  /** Whether every source answered (the check is complete). */
  public boolean checkComplete(VariableScope scope) {
    return pendingSources(scope).isEmpty();
  }

  /** Whether this companion aid was chosen for the household (a branch of Gateway_CompanionAids). */
  public boolean aidChosen(VariableScope scope, String aid) {
    return codes(scope.getVariable(COMPANION_AIDS)).contains(aid);
  }

  /** 公示, as the timer reads it. */
  public String noticePeriod() {
    return rules.noticePeriod().toString();
  }

  /** The next re-check, as the timer reads it. */
  public String recheckCycle() {
    return rules.recheckCycle().toString();
  }

  /** The 渐退期, as the timer reads it. */
  public String gradualExit() {
    return rules.gradualExit().toString();
  }

  static List<String> codes(Object value) {
    return value == null || value.toString().isBlank() ? List.of()
        : Arrays.stream(value.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }


  private static Map<String, Aid> aids() {
    Map<String, Aid> m = new LinkedHashMap<>();
    m.put("MEDICAL", new Aid("Task_DecideMedicalAid", "yb", "医疗救助（医保局）", "medicalAidResult"));
    m.put("EDUCATION", new Aid("Task_DecideEducationAid", "jy", "教育救助（教育局）", "educationAidResult"));
    m.put("HOUSING", new Aid("Task_DecideHousingAid", "zj", "住房救助（住建局）", "housingAidResult"));
    m.put("EMPLOYMENT", new Aid("Task_DecideEmploymentAid", "rs", "就业救助（人社局）", "employmentAidResult"));
    m.put("DISASTER", new Aid("Task_DecideDisasterAid", "yj", "受灾人员救助（应急管理局）", "disasterAidResult"));
    m.put("TEMPORARY", new Aid("Task_DecideTemporaryAid", "mzjz", "临时救助（民政局）", "temporaryAidResult"));
    m.put("CHARITY", new Aid("Task_ReferToCharity", "cs", "慈善帮扶（慈善总会）", "charityAidResult"));
    return java.util.Collections.unmodifiableMap(m);
  }
}
