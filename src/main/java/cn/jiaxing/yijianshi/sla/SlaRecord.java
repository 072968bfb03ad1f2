package cn.jiaxing.yijianshi.sla;

import java.time.Instant;

/**
 * The SLA of one case (stepId {@value SlaRecords#CASE_STEP}) or one timed step of a case.
 * Its state is derived from the times, so it can never disagree with them.
 */
public record SlaRecord(
    long id, String processInstanceId, String caseNumber, String processKey, String stepId, String stepName,
    String department, String taskId, String policy, Instant startedAt, Instant warnAt, Instant dueAt,
    Instant completedAt, boolean canceled, Instant pausedSince, long pausedMillis, Instant remindedAt,
    Instant escalatedAt, Integer provisionalFrom) {

  public enum State { ON_TRACK, DUE_SOON, OVERDUE, PAUSED, MET, MISSED, CANCELED }

  public State stateAt(Instant now) {
    if (canceled) {
      return State.CANCELED;
    }
    if (completedAt != null) {
      return completedAt.isAfter(dueAt) ? State.MISSED : State.MET;
    }
    if (pausedSince != null) {
      return State.PAUSED;
    }
    if (!now.isBefore(dueAt)) {
      return State.OVERDUE;
    }
    return now.isBefore(warnAt) ? State.ON_TRACK : State.DUE_SOON;
  }

  /** Counted across a year whose holiday notice was not yet in the calendar: recounted when it is. */
  public boolean provisional() {
    return provisionalFrom != null;
  }

  public boolean isCase() {
    return SlaRecords.CASE_STEP.equals(stepId);
  }
}
