package cn.jiaxing.yijianshi.assistance;

import static cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.*;

import cn.jiaxing.yijianshi.casefile.CaseResults;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** What the household is told it received: 先行救助, the decision with its payment, each companion aid's answer. */
@Component
class SocialAssistanceResults implements CaseResults {

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  public Map<String, String> results(DelegateExecution ex) {
    Map<String, String> r = new LinkedHashMap<>();
    put(r, "临时救助（先行救助）", ex.getVariable(URGENT_RESULT));
    Object grant = ex.getVariable(GRANT_NUMBER);
    if (grant != null) {
      r.put(SocialAssistanceDecisions.DECISIONS.get(String.valueOf(ex.getVariable(DECISION))),
          "每月 " + SocialAssistanceSteps.yuan(new BigDecimal(ex.getVariable(MONTHLY_AMOUNT).toString()))
              + "，自 " + ex.getVariable(PAYMENT_FROM) + " 起按月发放（编号 " + grant + "）");
    }
    for (var aid : SocialAssistancePolicy.AIDS.values()) {
      put(r, aid.name(), ex.getVariable(aid.resultVariable()));
    }
    return r;
  }

  private static void put(Map<String, String> results, String label, Object value) {
    if (value != null) {
      results.put(label, value.toString());
    }
  }
}
