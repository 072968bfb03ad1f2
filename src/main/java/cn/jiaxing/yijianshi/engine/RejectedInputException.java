package cn.jiaxing.yijianshi.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Thrown by start and task-complete listeners when staff input breaks a rule. The message is a
 * Chinese sentence: Tasklist shows it as is, and the REST API answers 400 (Camunda maps form
 * validation failures to Bad Request). Thrown inside the engine transaction, it rolls everything
 * back: no instance, no case row, no outbox mail, no department call.
 */
public class RejectedInputException extends FormFieldValidationException {

  public RejectedInputException(String message) {
    super("yijianshi", message);
  }
}
