package cn.jiaxing.yijianshi.assistance;

import cn.jiaxing.yijianshi.casefile.CaseType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The family's case type. */
@Configuration
class SocialAssistanceCases {

  static final CaseType SOCIAL_ASSISTANCE = new CaseType("SOCIAL_ASSISTANCE", "JZ", "社会救助一件事",
      SocialAssistanceVariables.PROCESS_KEY);

  @Bean
  CaseType socialAssistanceCase() {
    return SOCIAL_ASSISTANCE;
  }
}
