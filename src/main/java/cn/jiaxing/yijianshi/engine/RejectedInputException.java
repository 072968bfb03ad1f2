package cn.jiaxing.yijianshi.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Thrown by start and task-complete listeners when staff input breaks a rule. The message is a
 * Chinese sentence for the clerk. Thrown inside the engine transaction, it rolls everything back:
 * no instance, no case row, no outbox mail, no department call. {@link RejectedInputResponses}
 * turns it into a 400 carrying just this message, on the REST API and in Tasklist, however deeply
 * the engine wrapped it.
 */
public class RejectedInputException extends FormFieldValidationException {

  private static final ThreadLocal<String> LAST = new ThreadLocal<>();

  public RejectedInputException(String message) {
    super("yijianshi", message);
    LAST.set(message);
  }

  /** The message of the last rejection thrown on this thread, and forget it. */
  static String takeLast() {
    String message = LAST.get();
    LAST.remove();
    return message;
  }
}
