package cn.jiaxing.yijianshi.marriagebirth;

import cn.jiaxing.yijianshi.casefile.CaseType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The family's case types. */
@Configuration
class MarriageBirthCases {

  static final CaseType MARRIAGE_HOUSEHOLD = new CaseType("MARRIAGE_HOUSEHOLD", "JH", "结婚登记及户口联办",
      MarriageVariables.PROCESS_KEY);
  static final CaseType BIRTH_HOUSEHOLD = new CaseType("BIRTH_HOUSEHOLD", "CS", "出生一件事", BirthVariables.PROCESS_KEY);

  @Bean
  CaseType marriageHouseholdCase() {
    return MARRIAGE_HOUSEHOLD;
  }

  @Bean
  CaseType birthHouseholdCase() {
    return BIRTH_HOUSEHOLD;
  }
}
