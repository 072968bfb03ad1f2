package cn.jiaxing.yijianshi.afterdeath;

import static cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * {@code ${afterDeathPropertyMatters}}: the property matters (身后涉财事项, domain.md §2 item 9) and the
 * banks the family may name, as the models read them: which branches of {@code AfterDeathPropertyProcess}
 * run, and one deposit step per bank.
 */
@Component("afterDeathPropertyMatters")
public class AfterDeathPropertyMatters {

  static final Map<String, String> MATTERS = cn.jiaxing.yijianshi.engine.InputChecks.options("DEPOSITS", "银行存款查询和小额支取", "REAL_ESTATE", "不动产继承登记",
      "VEHICLES", "机动车转移登记和驾驶证注销", "SECURITIES", "证券非交易过户", "INSURANCE", "保险理赔");
  /** The banks with branches in Jiaxing the deposit query reaches (codes of the banks' system {@code yh}). */
  static final Map<String, String> BANK_NAMES = cn.jiaxing.yijianshi.engine.InputChecks.options("ICBC", "中国工商银行", "ABC", "中国农业银行", "BOC", "中国银行",
      "CCB", "中国建设银行", "BOCOM", "交通银行", "PSBC", "中国邮政储蓄银行", "CZBANK", "浙商银行", "JXBANK", "嘉兴银行",
      "JXRCB", "嘉兴农商银行");
  static final Map<String, String> RELATIONSHIP_PROOFS = cn.jiaxing.yijianshi.engine.InputChecks.options("HOUSEHOLD_REGISTER", "户口簿",
      "MARRIAGE_CERTIFICATE", "结婚证", "BIRTH_CERTIFICATE", "出生医学证明", "KINSHIP_CERTIFICATE",
      "公安机关或公证机构出具的亲属关系证明", "NONE", "未提供");

  /** Whether the family chose this matter (a branch condition of AfterDeathPropertyProcess). */
  public boolean chosen(VariableScope scope, String matter) {
    return codes(scope.getVariable(PROPERTY_MATTERS)).contains(matter);
  }

  /** The banks to query, one Task_SettleBankDeposits element each. */
  public List<String> banks(VariableScope scope) {
    return codes(scope.getVariable(BANKS));
  }

  static List<String> codes(Object value) {
    return value == null || value.toString().isBlank() ? List.of()
        : Arrays.stream(value.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

}
