package cn.jiaxing.yijianshi.casefile;

import java.time.Instant;
import java.util.List;

/**
 * Entries other modules add to a case's history in the progress query (e.g. the sla module's
 * clock stops and 督办 escalations), without the case file depending on them.
 */
public interface CaseHistory {

  List<Entry> entries(String processInstanceId);

  /** @param kind a code (e.g. OVERDUE); {@code label} says it in Chinese */
  record Entry(Instant at, String stepId, String kind, String label, String message) {
  }
}
