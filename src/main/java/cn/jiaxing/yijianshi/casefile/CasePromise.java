package cn.jiaxing.yijianshi.casefile;

import java.time.Instant;
import java.util.Optional;

/** The case-level time limit (承诺时限) a new case of a process gets, counted from now; given by the SLA policies. */
public interface CasePromise {

  Optional<Instant> caseDueFromNow(String processKey);

  /** The promise in words for a receipt, e.g. "23个工作日"; empty when the process has none. */
  default Optional<String> caseLimitInWords(String processKey) {
    return Optional.empty();
  }
}
