package cn.jiaxing.yijianshi.engine;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a clerk's input on one user task of one process is checked on the server when the task is
 * completed (a form's own checks run only in the browser); every problem goes back in one Chinese
 * message. Contributed as beans by each family; {@link TaskDecisionValidator} applies them.
 * <ul>
 *   <li>{@link #yesNo}: a yes/no decision, a reason when no, optional checks when yes;</li>
 *   <li>{@link #choice}: one of several outcomes, with checks per outcome;</li>
 *   <li>{@link #of}: anything else — amounts, dates, a list of chosen aids — with {@link InputChecks}.</li>
 * </ul>
 * {@link #allowingSupplement()}: the clerk may instead send the case back for 补正
 * ({@value #SUPPLEMENT_REQUESTED} = true, the materials named in {@value #SUPPLEMENT_NOTE}), which
 * stops the step's and the case's clocks.
 */
public final class CompletionRule {

  public static final String SUPPLEMENT_REQUESTED = "supplementRequested";
  public static final String SUPPLEMENT_NOTE = "supplementNote";
  /** The front desk's record of the 补正: whether the applicant brought the materials, and a remark. */
  public static final String MATERIALS_SUPPLEMENTED = "materialsSupplemented";
  public static final String SUPPLEMENT_REMARK = "supplementRemark";

  private final String processKey;
  private final String taskKey;
  private final Consumer<InputChecks> check;
  private final boolean allowsSupplement;

  private CompletionRule(String processKey, String taskKey, Consumer<InputChecks> check, boolean allowsSupplement) {
    this.processKey = Objects.requireNonNull(processKey, "processKey");
    this.taskKey = Objects.requireNonNull(taskKey, "taskKey");
    this.check = Objects.requireNonNull(check, "check");
    this.allowsSupplement = allowsSupplement;
  }

  /** Any checks of the clerk's input. */
  public static CompletionRule of(String processKey, String taskKey, Consumer<InputChecks> check) {
    return new CompletionRule(processKey, taskKey, check, false);
  }

  /** A yes/no decision that must be made, with a reason when it is no. */
  public static CompletionRule yesNo(String processKey, String taskKey, String decisionVariable, String decisionLabel,
      String reasonVariable, String reasonLabel) {
    return yesNo(processKey, taskKey, decisionVariable, decisionLabel, reasonVariable, reasonLabel, checks -> { });
  }

  /** A yes/no decision, a reason when no, and further checks when yes. */
  public static CompletionRule yesNo(String processKey, String taskKey, String decisionVariable, String decisionLabel,
      String reasonVariable, String reasonLabel, Consumer<InputChecks> whenYes) {
    return of(processKey, taskKey, checks -> {
      Boolean decision = checks.decision(decisionVariable, decisionLabel);
      if (Boolean.FALSE.equals(decision)) {
        checks.text(reasonVariable, reasonLabel);
      } else if (Boolean.TRUE.equals(decision)) {
        whenYes.accept(checks);
      }
    });
  }

  /** One of several outcomes (code → name shown), then the checks that outcome needs (if any). */
  public static CompletionRule choice(String processKey, String taskKey, String variable, String label,
      Map<String, String> outcomes, Map<String, Consumer<InputChecks>> perOutcome) {
    return of(processKey, taskKey, checks -> {
      String outcome = checks.choice(variable, label, outcomes);
      if (outcome != null && perOutcome.containsKey(outcome)) {
        perOutcome.get(outcome).accept(checks);
      }
    });
  }

  /** The same rule, and the clerk may send the case back for 补正 instead. */
  public CompletionRule allowingSupplement() {
    return new CompletionRule(processKey, taskKey, check, true);
  }

  public String processKey() {
    return processKey;
  }

  public String taskKey() {
    return taskKey;
  }

  public boolean allowsSupplement() {
    return allowsSupplement;
  }

  void check(InputChecks checks) {
    check.accept(checks);
  }
}
