package cn.jiaxing.yijianshi.childprotection;

import cn.jiaxing.yijianshi.casefile.CaseType;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The family's case type: confidential. Only the child-protection roles look the case up (公安 未保, the
 * protection centre and its closure approver, the procuratorate, the court, the township's station); the
 * front desk records a report but cannot read the file afterwards.
 */
@Configuration
class ChildProtectionCases {

  static final Set<String> READERS = Set.of("gawc", "mzwb", "wbsp", "jcy", "fy", "xzwb");

  static final CaseType CHILD_PROTECTION = new CaseType("CHILD_PROTECTION", "WB", "未成年人保护",
      ChildProtectionVariables.PROCESS_KEY, READERS);

  @Bean
  CaseType childProtectionCase() {
    return CHILD_PROTECTION;
  }
}
