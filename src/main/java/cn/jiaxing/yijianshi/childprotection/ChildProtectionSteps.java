package cn.jiaxing.yijianshi.childprotection;

import static cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.*;

import cn.jiaxing.yijianshi.departments.CourtClient;
import cn.jiaxing.yijianshi.engine.DepartmentStep;
import cn.jiaxing.yijianshi.engine.StepCall;
import org.springframework.stereotype.Component;

/** The court filings of {@code ChildProtectionProcess}; the court's decisions come back as messages. */
final class ChildProtectionSteps {

  private ChildProtectionSteps() {
  }

  /** Task_ApplyForProtectionOrder: 人身安全保护令 asked of the court (urgent: decided within 24 hours). */
  @Component("applyForProtectionOrderDelegate")
  static class ApplyForProtectionOrder extends DepartmentStep {
    private final CourtClient court;

    ApplyForProtectionOrder(CourtClient court) {
      this.court = court;
    }

    @Override
    protected void call(StepCall ex, String key) {
      ex.setVariable(PROTECTION_ORDER_APPLICATION, court.applyForProtectionOrder(key, string(ex, POLICE_CASE_NUMBER),
          "REQUEST_URGENT".equals(ex.getVariable(PROTECTION_ORDER))));
    }
  }

  /** Task_FileGuardianshipSuit: 民政 sues to remove the guardian, on the procuratorate's written advice. */
  @Component("fileGuardianshipSuitDelegate")
  static class FileGuardianshipSuit extends DepartmentStep {
    private final CourtClient court;

    FileGuardianshipSuit(CourtClient court) {
      this.court = court;
    }

    @Override
    protected void call(StepCall ex, String key) {
      ex.setVariable(SUIT_NUMBER, court.fileGuardianshipSuit(key, string(ex, POLICE_CASE_NUMBER), string(ex, ADVICE_NUMBER)));
    }
  }
}
