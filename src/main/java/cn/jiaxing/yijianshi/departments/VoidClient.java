package cn.jiaxing.yijianshi.departments;

/**
 * Every department system's void contract: the case a request belonged to was refused or cancelled,
 * so the department undoes what the request did, as far as its rules allow.
 *
 * <pre>
 * POST {base}/voids {idempotencyKey: the request's key, reason} with Idempotency-Key: {request's key}:void
 *   → 200 {undone, hadEffect, message}
 * </pre>
 *
 * {@code hadEffect} false: the request did nothing to undo (a query, a refusal, or it never arrived — then
 * the department remembers the void and refuses the request if it comes late). {@code undone} false: the
 * effect stands (e.g. an issued certificate), {@code message} says what and why, for the applicant.
 * A step that asks its department more than once sends the further requests under sub-keys of its key
 * ({@code <key>:withdrawal}, never {@code <key>:<digits>}, which is the step's next occurrence): the void of
 * the step's key covers them, and a sub-request that arrives after the void is refused like the request.
 */
public interface VoidClient {

  /** Idempotent; a technical fault is a {@link DepartmentUnavailableException} (ask again later). */
  VoidAnswer requestVoid(String system, String requestKey, String reason);

  record VoidAnswer(boolean undone, boolean hadEffect, String message) {
  }
}
