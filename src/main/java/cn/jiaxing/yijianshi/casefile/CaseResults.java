package cn.jiaxing.yijianshi.casefile;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What the applicant receives when a case of one process ends (label → value, masked where
 * sensitive). One bean per process family; the closing listener picks it by process id.
 */
public interface CaseResults {

  String processKey();

  Map<String, String> results(DelegateExecution execution);
}
