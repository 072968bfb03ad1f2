package cn.jiaxing.yijianshi.marriagebirth;

import static cn.jiaxing.yijianshi.marriagebirth.MarriageVariables.*;

import cn.jiaxing.yijianshi.departments.HouseholdRegistryClient;
import cn.jiaxing.yijianshi.departments.MarriageRegistryClient;
import cn.jiaxing.yijianshi.engine.DepartmentStep;
import java.time.LocalDate;
import cn.jiaxing.yijianshi.engine.StepCall;
import org.springframework.stereotype.Component;

/** The department calls of {@code MarriageHouseholdProcess}, one delegate bean per service task. */
final class MarriageSteps {

  private MarriageSteps() {
  }

  /** Task_CheckMarriageRecords: 全国婚姻信息库 — refuses when either party is married. */
  @Component("checkMarriageRecordsDelegate")
  static class CheckMarriageRecords extends DepartmentStep {
    private final MarriageRegistryClient registry;

    CheckMarriageRecords(MarriageRegistryClient registry) {
      this.registry = registry;
    }

    @Override
    protected void call(StepCall ex, String key) {
      registry.checkNotMarried(key, string(ex, GROOM_ID_NUMBER), string(ex, BRIDE_ID_NUMBER));
    }

    @Override
    protected String refusalErrorCode() {
      return "Err_AlreadyMarried";
    }
  }

  /** Task_RegisterMarriage: registers and issues the 结婚证. */
  @Component("registerMarriageDelegate")
  static class RegisterMarriage extends DepartmentStep {
    private final MarriageRegistryClient registry;

    RegisterMarriage(MarriageRegistryClient registry) {
      this.registry = registry;
    }

    @Override
    protected void call(StepCall ex, String key) {
      String certificate = registry.registerMarriage(key,
          new MarriageRegistryClient.Party(string(ex, GROOM_NAME), string(ex, GROOM_ID_NUMBER)),
          new MarriageRegistryClient.Party(string(ex, BRIDE_NAME), string(ex, BRIDE_ID_NUMBER)),
          LocalDate.parse(string(ex, REGISTRATION_DATE)));
      ex.setVariable(MARRIAGE_CERTIFICATE_NUMBER, certificate);
    }

    @Override
    protected String refusalErrorCode() {
      return "Err_MarriageRegistrationRefused";
    }
  }

  /** Task_UpdateMaritalStatus: 公安 户籍 婚姻状况 → 已婚. */
  @Component("updateMaritalStatusDelegate")
  static class UpdateMaritalStatus extends DepartmentStep {
    private final HouseholdRegistryClient households;

    UpdateMaritalStatus(HouseholdRegistryClient households) {
      this.households = households;
    }

    @Override
    protected void call(StepCall ex, String key) {
      households.updateMaritalStatus(key, string(ex, GROOM_ID_NUMBER), string(ex, BRIDE_ID_NUMBER),
          string(ex, MARRIAGE_CERTIFICATE_NUMBER));
      ex.setVariable(MARITAL_STATUS_UPDATED, true);
    }
  }

  /** Task_MoveHousehold: 夫妻投靠 户口迁移, in the direction the couple chose. */
  @Component("moveHouseholdDelegate")
  static class MoveHousehold extends DepartmentStep {
    private final HouseholdRegistryClient households;

    MoveHousehold(HouseholdRegistryClient households) {
      this.households = households;
    }

    @Override
    protected void call(StepCall ex, String key) {
      boolean brideMoves = "BRIDE_TO_GROOM".equals(string(ex, HOUSEHOLD_MOVE_DIRECTION));
      String mover = string(ex, brideMoves ? BRIDE_ID_NUMBER : GROOM_ID_NUMBER);
      String host = string(ex, brideMoves ? GROOM_ID_NUMBER : BRIDE_ID_NUMBER);
      ex.setVariable(HOUSEHOLD_MOVE_NUMBER, households.moveHousehold(key, mover, host));
    }

    @Override
    protected String refusalErrorCode() {
      return "Err_HouseholdMoveRefused";
    }
  }
}
