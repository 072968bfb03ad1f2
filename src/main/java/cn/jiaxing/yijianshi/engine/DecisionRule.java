package cn.jiaxing.yijianshi.engine;

import java.util.function.Consumer;

/**
 * How a department clerk's decision on one user task is checked on the server when the task is
 * completed (the form's own checks run only in the browser).
 *
 * @param taskKey the user task id
 * @param decisionVariable a boolean that must be chosen
 * @param decisionLabel what the decision is called in the form (for the message)
 * @param reasonVariable a text required when the decision is false
 * @param reasonLabel what the reason is called in the form
 * @param whenApproved further checks when the decision is true (may be null)
 * @param allowsSupplement whether the clerk may instead send the case back for 补正
 *     ({@code supplementRequested} = true, with the materials named in {@code supplementNote})
 */
public record DecisionRule(String taskKey, String decisionVariable, String decisionLabel, String reasonVariable,
    String reasonLabel, Consumer<InputChecks> whenApproved, boolean allowsSupplement) {

  public static final String SUPPLEMENT_REQUESTED = "supplementRequested";
  public static final String SUPPLEMENT_NOTE = "supplementNote";
  /** The front desk's record of the 补正: whether the applicant brought the materials, and a remark. */
  public static final String MATERIALS_SUPPLEMENTED = "materialsSupplemented";
  public static final String SUPPLEMENT_REMARK = "supplementRemark";

  public DecisionRule(String taskKey, String decisionVariable, String decisionLabel, String reasonVariable,
      String reasonLabel) {
    this(taskKey, decisionVariable, decisionLabel, reasonVariable, reasonLabel, null, false);
  }
}
