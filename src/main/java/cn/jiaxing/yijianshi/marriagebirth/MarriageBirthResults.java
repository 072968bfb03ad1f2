package cn.jiaxing.yijianshi.marriagebirth;

import cn.jiaxing.yijianshi.casefile.CaseResults;
import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the applicant is told they received, per process (child ID numbers masked). */
@Configuration
class MarriageBirthResults {

  @Bean
  CaseResults marriageResults() {
    return new CaseResults() {
      @Override
      public String processKey() {
        return MarriageVariables.PROCESS_KEY;
      }

      @Override
      public Map<String, String> results(DelegateExecution ex) {
        Map<String, String> r = new LinkedHashMap<>();
        put(r, "结婚证字号", ex.getVariable(MarriageVariables.MARRIAGE_CERTIFICATE_NUMBER));
        if (Boolean.TRUE.equals(ex.getVariable(MarriageVariables.MARITAL_STATUS_UPDATED))) {
          r.put("户籍婚姻状况", "已更新为已婚");
        }
        if (Boolean.TRUE.equals(ex.getVariable(MarriageVariables.HOUSEHOLD_MOVE_REQUESTED))) {
          Object number = ex.getVariable(MarriageVariables.HOUSEHOLD_MOVE_NUMBER);
          Object refusal = ex.getVariable(MarriageVariables.HOUSEHOLD_MOVE_REFUSAL_REASON);
          r.put("夫妻投靠户口迁移", number != null ? "已办理（迁移编号 " + number + "）"
              : "不予迁移" + (refusal == null ? "" : "：" + refusal));
        }
        put(r, "生育登记编号", ex.getVariable(MarriageVariables.BIRTH_PLANNING_REGISTRATION_NUMBER));
        return r;
      }
    };
  }

  @Bean
  CaseResults birthResults() {
    return new CaseResults() {
      @Override
      public String processKey() {
        return BirthVariables.PROCESS_KEY;
      }

      @Override
      public Map<String, String> results(DelegateExecution ex) {
        Map<String, String> r = new LinkedHashMap<>();
        put(r, "出生医学证明编号", ex.getVariable(BirthVariables.BIRTH_CERTIFICATE_NUMBER));
        Object childId = ex.getVariable(BirthVariables.CHILD_ID_NUMBER);
        if (childId != null) {
          r.put("出生登记（落户）", "已办理，公民身份号码 " + ResidentIdNumber.mask(childId.toString()));
        }
        put(r, "预防接种证编号", ex.getVariable(BirthVariables.VACCINATION_RECORD_NUMBER));
        Object insurance = ex.getVariable(BirthVariables.MEDICAL_INSURANCE_NUMBER);
        if (insurance != null) {
          r.put("城乡居民医保", "已参保（参保编号 " + insurance + "，待遇自 "
              + ex.getVariable(BirthVariables.MEDICAL_INSURANCE_BENEFIT_START) + " 起享受）");
        }
        put(r, "社会保障卡申领编号", ex.getVariable(BirthVariables.SOCIAL_SECURITY_CARD_APPLICATION));
        put(r, "生育登记编号", ex.getVariable(BirthVariables.BIRTH_PLANNING_REGISTRATION_NUMBER));
        return r;
      }
    };
  }

  private static void put(Map<String, String> results, String label, Object value) {
    if (value != null) {
      results.put(label, value.toString());
    }
  }
}
