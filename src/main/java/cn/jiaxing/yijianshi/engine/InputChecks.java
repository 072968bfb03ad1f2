package cn.jiaxing.yijianshi.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Collects every problem with staff input, then rejects it once with all of them, so the clerk
 * fixes the form in one go: "申请信息有误：1. …；2. …".
 */
public final class InputChecks {

  private final VariableScope scope;
  private final List<String> problems = new ArrayList<>();

  public InputChecks(VariableScope scope) {
    this.scope = scope;
  }

  public void require(boolean condition, String problem) {
    if (!condition) {
      problems.add(problem);
    }
  }

  /** A non-blank text variable, stripped; records a problem and returns null when missing. */
  public String text(String variable, String label) {
    Object v = scope.getVariable(variable);
    if (v == null || v.toString().isBlank()) {
      problems.add(label + "不能为空");
      return null;
    }
    return v.toString().strip();
  }

  /** An optional text variable, stripped; null when missing or blank. */
  public String optionalText(String variable) {
    Object v = scope.getVariable(variable);
    return v == null || v.toString().isBlank() ? null : v.toString().strip();
  }

  /** Whether a text variable holds one of the allowed values (false when missing). */
  public boolean isOneOf(String variable, java.util.Set<String> allowed) {
    String v = optionalText(variable);
    return v != null && allowed.contains(v);
  }

  /** True only for a boolean true (checkboxes arrive as booleans; a missing box is false). */
  public boolean isTrue(String variable) {
    Object v = scope.getVariable(variable);
    return Boolean.TRUE.equals(v) || "true".equals(v);
  }

  /** A boolean decision that must have been made; records a problem and returns null otherwise. */
  public Boolean decision(String variable, String label) {
    Object v = scope.getVariable(variable);
    if (v instanceof Boolean b) {
      return b;
    }
    if ("true".equals(v) || "false".equals(v)) {
      return Boolean.valueOf(v.toString());
    }
    problems.add("请选择" + label);
    return null;
  }

  /** Runs a parse that signals bad input with an {@link IllegalArgumentException} carrying a Chinese message. */
  public <T> T parse(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /** @throws RejectedInputException listing every problem, when there is any */
  public void throwIfAny(String heading) {
    if (problems.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder(heading).append("：");
    for (int i = 0; i < problems.size(); i++) {
      message.append(i == 0 ? "" : "；").append(problems.size() > 1 ? (i + 1) + ". " : "").append(problems.get(i));
    }
    throw new RejectedInputException(message.append('。').toString());
  }
}
