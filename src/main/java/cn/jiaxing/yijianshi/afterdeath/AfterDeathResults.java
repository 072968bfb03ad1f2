package cn.jiaxing.yijianshi.afterdeath;

import static cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.*;

import cn.jiaxing.yijianshi.casefile.CaseResults;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** What the family is told they received: each department's outcome, in the order of domain.md §2. */
@Component
class AfterDeathResults implements CaseResults {

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  public Map<String, String> results(DelegateExecution ex) {
    Map<String, String> r = new LinkedHashMap<>();
    Object proof = ex.getVariable(DEATH_PROOF_NUMBER);
    if (ex.getVariable(DEATH_PROOF_ISSUER) != null) {
      r.put("死亡证明", "已核验（" + ex.getVariable(DEATH_PROOF_ISSUER) + "，编号 " + proof + "）");
    }
    if (ex.getVariable(CREMATION_CERTIFICATE_NUMBER) != null) {
      r.put("火化证明", "编号 " + ex.getVariable(CREMATION_CERTIFICATE_NUMBER) + "（火化日期 "
          + ex.getVariable(CREMATION_DATE) + "）");
    }
    if (ex.getVariable(FREE_FUNERAL_ITEMS) != null) {
      Object extra = ex.getVariable(EXTRA_FUNERAL_REDUCTION);
      r.put("惠民殡葬减免", "免费项目：" + ex.getVariable(FREE_FUNERAL_ITEMS)
          + ("无".equals(extra) || extra == null ? "" : "；" + extra));
    }
    put(r, "户口注销", ex.getVariable(HOUSEHOLD_RESULT));
    put(r, "养老保险（人社）", ex.getVariable(PENSION_RESULT));
    put(r, "医疗保险（医保）", ex.getVariable(MEDICAL_INSURANCE_RESULT));
    put(r, "低保、特困和高龄津贴（民政）", ex.getVariable(ALLOWANCE_RESULT));
    put(r, "残疾人证（残联）", ex.getVariable(DISABILITY_RESULT));
    put(r, "住房公积金", ex.getVariable(HOUSING_FUND_RESULT));
    // the property matters the family chose (AfterDeathPropertyProcess)
    Object deposits = ex.getVariable(DEPOSIT_RESULTS);
    if (deposits != null) {
      for (String line : deposits.toString().split("\n")) {
        int colon = line.indexOf('：');
        if (colon > 0) {
          r.put("银行存款（" + line.substring(0, colon) + "）", line.substring(colon + 1));
        }
      }
    }
    put(r, "不动产继承登记", ex.getVariable(REAL_ESTATE_RESULT));
    put(r, "机动车驾驶证", ex.getVariable(DRIVING_LICENCE_RESULT));
    put(r, "机动车转移登记", ex.getVariable(VEHICLE_RESULT));
    put(r, "证券非交易过户", ex.getVariable(SECURITIES_RESULT));
    put(r, "保险理赔", ex.getVariable(INSURANCE_RESULT));
    return r;
  }

  private static void put(Map<String, String> results, String label, Object value) {
    if (value != null) {
      results.put(label, value.toString());
    }
  }
}
