package cn.jiaxing.yijianshi.sla;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A step's policy as configured: one {@link SlaPolicy}, or two chosen by a yes/no process variable
 * when the step starts — {@code "24H if urgent else 5WD"} (紧急情况24小时内处置，其他5个工作日).
 */
record SlaRule(SlaPolicy policy, String condition, SlaPolicy otherwise) {

  private static final Pattern CONDITIONAL = Pattern.compile("(.+?)\\s+if\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+else\\s+(.+)");

  static SlaRule parse(String text) {
    Matcher m = CONDITIONAL.matcher(text.strip());
    if (m.matches()) {
      return new SlaRule(SlaPolicy.parse(m.group(1)), m.group(2), SlaPolicy.parse(m.group(3)));
    }
    return new SlaRule(SlaPolicy.parse(text), null, null);
  }

  boolean isConditional() {
    return condition != null;
  }

  /** The policy for a step starting with these variables (none known: the {@code else} policy). */
  SlaPolicy resolve(VariableScope variables) {
    if (condition == null) {
      return policy;
    }
    Object value = variables == null ? null : variables.getVariable(condition);
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value)) ? policy : otherwise;
  }
}
