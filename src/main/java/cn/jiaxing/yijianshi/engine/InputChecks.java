package cn.jiaxing.yijianshi.engine;

import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** A non-blank text variable, stripped; records a problem and returns null when missing or not text. */
  public String text(String variable, String label) {
    Object v = scope.getVariable(variable);
    if (v != null && !(v instanceof String)) {
      problems.add(label + "应为文字");
      return null;
    }
    if (v == null || v.toString().isBlank()) {
      problems.add(label + "不能为空");
      return null;
    }
    return v.toString().strip();
  }

  /** A non-blank text variable of at most {@code max} characters, stripped; records a problem otherwise. */
  public String text(String variable, String label, int max) {
    String text = text(variable, label);
    require(text == null || text.length() <= max, label + "不能超过" + max + "个字");
    return text;
  }

  /** An optional text variable of at most {@code max} characters, stripped; null when missing or blank. */
  public String optionalText(String variable, String label, int max) {
    String text = optionalText(variable, label);
    require(text == null || text.length() <= max, label + "不能超过" + max + "个字");
    return text;
  }

  /** The options of a choice (code → the name staff see), in the order given: {@code options("A", "甲", "B", "乙")}. */
  public static Map<String, String> options(String... codesAndNames) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < codesAndNames.length; i += 2) {
      m.put(codesAndNames[i], codesAndNames[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** An optional text variable, stripped; null when missing or blank; a problem when it is not text. */
  public String optionalText(String variable, String label) {
    Object v = scope.getVariable(variable);
    if (v != null && !(v instanceof String)) {
      problems.add(label + "应为文字");
      return null;
    }
    return v == null || v.toString().isBlank() ? null : v.toString().strip();
  }

  /** An optional text variable, stripped; null when missing, blank or not text. */
  public String optionalText(String variable) {
    Object v = scope.getVariable(variable);
    return !(v instanceof String text) || text.isBlank() ? null : text.strip();
  }

  /** Whether a text variable holds one of the allowed values (false when missing). */
  public boolean isOneOf(String variable, Set<String> allowed) {
    String v = optionalText(variable);
    return v != null && allowed.contains(v);
  }

  /** Whether the variable holds anything but blank text. */
  public boolean hasValue(String variable) {
    Object v = scope.getVariable(variable);
    return v != null && !v.toString().isBlank();
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

  /** One of several outcomes (code → what the form shows); records a problem and returns null otherwise. */
  public String choice(String variable, String label, Map<String, String> options) {
    String v = optionalText(variable);
    if (v == null) {
      problems.add("请选择" + label);
      return null;
    }
    if (!options.containsKey(v)) {
      problems.add(label + "只能是：" + String.join("、", options.values()));
      return null;
    }
    return v;
  }

  /** An amount of money in yuan (at most two decimals) within bounds; records a problem and returns null otherwise. */
  public BigDecimal amount(String variable, String label, BigDecimal min, BigDecimal max) {
    Object v = scope.getVariable(variable);
    if (v == null || v.toString().isBlank()) {
      problems.add(label + "不能为空");
      return null;
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(v.toString().strip());
    } catch (NumberFormatException e) {
      problems.add(label + "应为金额（元，最多两位小数）");
      return null;
    }
    if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
      problems.add(label + "应为金额（元，最多两位小数）");
      return null;
    }
    if (amount.compareTo(min) < 0 || amount.compareTo(max) > 0) {
      problems.add(label + "应在" + min.toPlainString() + "元至" + max.toPlainString() + "元之间");
      return null;
    }
    return amount;
  }

  /**
   * A whole number within bounds (a form's number field arrives as a number, over REST it may be text);
   * records a problem and returns null otherwise.
   */
  public Integer count(String variable, String label, int min, int max) {
    Object v = scope.getVariable(variable);
    if (v == null || v.toString().isBlank()) {
      problems.add(label + "不能为空");
      return null;
    }
    BigDecimal n;
    try {
      n = new BigDecimal(v.toString().strip());
    } catch (NumberFormatException e) {
      problems.add(label + "应为整数");
      return null;
    }
    if (n.stripTrailingZeros().scale() > 0) {
      problems.add(label + "应为整数");
      return null;
    }
    if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
      problems.add(label + "应在" + min + "至" + max + "之间");
      return null;
    }
    return n.intValueExact();
  }

  /** A date (年-月-日; a date-time's date part is taken); records a problem and returns null otherwise. */
  public LocalDate date(String variable, String label) {
    String v = text(variable, label);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
    } catch (DateTimeParseException e) {
      problems.add(label + "格式不正确，应为 年-月-日");
      return null;
    }
  }

  /**
   * Several items chosen from a list (a checklist: a list, a JSON array or comma-separated text), at
   * least {@code min}; records a problem and returns the valid ones otherwise.
   */
  public List<String> selections(String variable, String label, Set<String> allowed, int min) {
    Object v = scope.getVariable(variable);
    List<String> chosen = new ArrayList<>();
    if (v instanceof Collection<?> items) {
      items.forEach(i -> chosen.add(String.valueOf(i).strip()));
    } else if (v != null && !v.toString().isBlank()) {
      for (String item : v.toString().replaceAll("[\\[\\]\"]", "").split("[,，]")) {
        if (!item.isBlank()) {
          chosen.add(item.strip());
        }
      }
    }
    List<String> unknown = chosen.stream().filter(c -> !allowed.contains(c)).distinct().toList();
    if (!unknown.isEmpty()) {
      problems.add(label + "中含有不可选的项目：" + String.join("、", unknown.stream().limit(5)
          .map(u -> u.length() > 20 ? u.substring(0, 20) + "…" : u).toList()));
    }
    List<String> valid = chosen.stream().filter(allowed::contains).distinct().toList();
    if (unknown.isEmpty() && valid.size() < min) {
      problems.add("请至少选择" + min + "项" + label);
    }
    return valid;
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
    String text = message.append('。').toString();
    LOG.info("Input refused: {}", ResidentIdNumber.maskAll(text));
    throw new RejectedInputException(text);
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InputChecks.class);
}
