package cn.jiaxing.yijianshi.marriagebirth;

import cn.jiaxing.yijianshi.engine.CompletionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What a clerk must decide on each user task of the two processes. */
@Configuration
class MarriageBirthDecisions {

  @Bean
  CompletionRule confirmMarriageRegistration() {
    return CompletionRule.yesNo(MarriageVariables.PROCESS_KEY, "Task_ConfirmMarriageRegistration", MarriageVariables.MARRIAGE_APPROVED, "审查结论",
        MarriageVariables.REFUSAL_REASON, "不予登记的理由", checks -> {
          checks.require(checks.isTrue(MarriageVariables.PARTIES_PRESENT), "准予登记前须核实双方本人到场、证件与本人一致");
          checks.require(checks.isTrue(MarriageVariables.VOLUNTARY), "准予登记前须确认双方完全自愿（民法典第一千零四十六条）");
          checks.require(checks.isTrue(MarriageVariables.NO_PROHIBITED_KINSHIP),
              "准予登记前须确认双方无直系血亲和三代以内旁系血亲关系（民法典第一千零四十八条）");
        }).allowingSupplement();
  }

  @Bean
  CompletionRule reviewHouseholdMove() {
    return CompletionRule.yesNo(MarriageVariables.PROCESS_KEY, "Task_ReviewHouseholdMove", MarriageVariables.HOUSEHOLD_MOVE_APPROVED, "审核结论",
        MarriageVariables.HOUSEHOLD_MOVE_REFUSAL_REASON, "不予迁移的理由");
  }

  @Bean
  CompletionRule verifyBirthRecord() {
    return CompletionRule.yesNo(BirthVariables.PROCESS_KEY, "Task_VerifyBirthRecord", BirthVariables.BIRTH_RECORD_CONFIRMED, "核对结论",
        BirthVariables.REFUSAL_REASON, "不符的情况说明").allowingSupplement();
  }

  @Bean
  CompletionRule reviewBirthRegistration() {
    return CompletionRule.yesNo(BirthVariables.PROCESS_KEY, "Task_ReviewBirthRegistration", BirthVariables.BIRTH_REGISTRATION_APPROVED, "审核结论",
        BirthVariables.REFUSAL_REASON, "不予登记的理由");
  }

  @Bean
  CompletionRule supplementMarriageMaterials() {
    return supplement(MarriageVariables.PROCESS_KEY, "Task_SupplementMarriageMaterials");
  }

  @Bean
  CompletionRule supplementBirthMaterials() {
    return supplement(BirthVariables.PROCESS_KEY, "Task_SupplementBirthMaterials");
  }

  /** The front desk records whether the applicant brought the missing materials (补正). */
  private static CompletionRule supplement(String processKey, String taskKey) {
    return CompletionRule.yesNo(processKey, taskKey, CompletionRule.MATERIALS_SUPPLEMENTED, "补正结果",
        CompletionRule.SUPPLEMENT_REMARK, "补正情况说明");
  }
}
