package cn.jiaxing.yijianshi.afterdeath;

import cn.jiaxing.yijianshi.casefile.CaseType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The family's case type. */
@Configuration
class AfterDeathCases {

  static final CaseType AFTER_DEATH = new CaseType("AFTER_DEATH", "SH", "身后一件事", AfterDeathVariables.PROCESS_KEY);

  @Bean
  CaseType afterDeathCase() {
    return AFTER_DEATH;
  }
}
