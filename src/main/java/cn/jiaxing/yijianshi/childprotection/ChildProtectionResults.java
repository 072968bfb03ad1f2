package cn.jiaxing.yijianshi.childprotection;

import cn.jiaxing.yijianshi.casefile.CaseResults;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the reporter is told when the case closes: that it was handled and closed — nothing about the child,
 * the family or what was done (the reporter is not a party; children's data stays in the case).
 */
@Component
class ChildProtectionResults implements CaseResults {

  @Override
  public String processKey() {
    return ChildProtectionVariables.PROCESS_KEY;
  }

  @Override
  public Map<String, String> results(DelegateExecution ex) {
    return Map.of("报告处理情况", "您报告的情况已由公安机关受理，相关部门已依法处置并结案。感谢您履行强制报告义务。");
  }
}
