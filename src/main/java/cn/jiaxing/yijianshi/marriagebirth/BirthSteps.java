package cn.jiaxing.yijianshi.marriagebirth;

import static cn.jiaxing.yijianshi.marriagebirth.BirthVariables.*;

import cn.jiaxing.yijianshi.departments.HealthCommissionClient;
import cn.jiaxing.yijianshi.departments.HouseholdRegistryClient;
import cn.jiaxing.yijianshi.departments.MedicalInsuranceClient;
import cn.jiaxing.yijianshi.departments.SocialSecurityCardClient;
import cn.jiaxing.yijianshi.departments.VaccinationClient;
import cn.jiaxing.yijianshi.engine.DepartmentStep;
import java.time.LocalDate;
import cn.jiaxing.yijianshi.engine.StepCall;
import org.springframework.stereotype.Component;

/**
 * The department calls of {@code BirthHouseholdProcess}. Order (domain.md §1): the birth
 * certificate before household registration; household registration before 医保 and 社保卡;
 * certificate, vaccination record and 生育登记 in parallel.
 */
final class BirthSteps {

  private BirthSteps() {
  }

  private static LocalDate birthDate(StepCall ex) {
    return LocalDate.parse(ex.getVariable(CHILD_BIRTH_DATE).toString());
  }

  /** Task_IssueBirthCertificate: 出生医学证明 (卫健). */
  @Component("issueBirthCertificateDelegate")
  static class IssueBirthCertificate extends DepartmentStep {
    private final HealthCommissionClient health;

    IssueBirthCertificate(HealthCommissionClient health) {
      this.health = health;
    }

    @Override
    protected void call(StepCall ex, String key) {
      ex.setVariable(BIRTH_CERTIFICATE_NUMBER, health.issueBirthCertificate(key, string(ex, CHILD_NAME),
          string(ex, CHILD_SEX), birthDate(ex), string(ex, BIRTH_HOSPITAL), string(ex, MOTHER_ID_NUMBER)));
    }
  }

  /**
   * Task_RegisterBirthPlanning (both processes): 生育登记 (卫健). The marriage process maps the
   * couple's ID numbers to {@code fatherIdNumber}/{@code motherIdNumber} with input parameters.
   */
  @Component("registerBirthPlanningDelegate")
  static class RegisterBirthPlanning extends DepartmentStep {
    private final HealthCommissionClient health;

    RegisterBirthPlanning(HealthCommissionClient health) {
      this.health = health;
    }

    @Override
    protected void call(StepCall ex, String key) {
      ex.setVariable(BIRTH_PLANNING_REGISTRATION_NUMBER,
          health.registerBirthPlanning(key, string(ex, FATHER_ID_NUMBER), string(ex, MOTHER_ID_NUMBER)));
    }
  }

  /** Task_IssueVaccinationRecord: 预防接种证 (疾控). */
  @Component("issueVaccinationRecordDelegate")
  static class IssueVaccinationRecord extends DepartmentStep {
    private final VaccinationClient vaccination;

    IssueVaccinationRecord(VaccinationClient vaccination) {
      this.vaccination = vaccination;
    }

    @Override
    protected void call(StepCall ex, String key) {
      ex.setVariable(VACCINATION_RECORD_NUMBER, vaccination.issueVaccinationRecord(key, string(ex, CHILD_NAME),
          birthDate(ex), string(ex, MOTHER_ID_NUMBER)));
    }
  }

  /** Task_RegisterBirthHousehold: 出生登记/落户 (公安), returns the child's ID number. */
  @Component("registerBirthHouseholdDelegate")
  static class RegisterBirthHousehold extends DepartmentStep {
    private final HouseholdRegistryClient households;

    RegisterBirthHousehold(HouseholdRegistryClient households) {
      this.households = households;
    }

    @Override
    protected void call(StepCall ex, String key) {
      String parentId = string(ex, "FATHER".equals(string(ex, HOUSEHOLD_PARENT)) ? FATHER_ID_NUMBER : MOTHER_ID_NUMBER);
      ex.setVariable(CHILD_ID_NUMBER, households.registerBirth(key, new HouseholdRegistryClient.BirthRegistration(
          string(ex, CHILD_NAME), string(ex, CHILD_SEX), birthDate(ex), string(ex, BIRTH_CERTIFICATE_NUMBER), parentId)));
    }

    @Override
    protected String refusalErrorCode() {
      return "Err_HouseholdNotFound";
    }
  }

  /** Task_EnrolMedicalInsurance: 城乡居民医保 参保 (医保). */
  @Component("enrolMedicalInsuranceDelegate")
  static class EnrolMedicalInsurance extends DepartmentStep {
    private final MedicalInsuranceClient insurance;

    EnrolMedicalInsurance(MedicalInsuranceClient insurance) {
      this.insurance = insurance;
    }

    @Override
    protected void call(StepCall ex, String key) {
      var enrolment = insurance.enrol(key, string(ex, CHILD_ID_NUMBER), string(ex, CHILD_NAME), birthDate(ex));
      ex.setVariable(MEDICAL_INSURANCE_NUMBER, enrolment.enrolmentNumber());
      ex.setVariable(MEDICAL_INSURANCE_BENEFIT_START, enrolment.benefitStart().toString());
    }
  }

  /** Task_ApplySocialSecurityCard: 社保卡 申领 (人社), needs the child's ID number. */
  @Component("applySocialSecurityCardDelegate")
  static class ApplySocialSecurityCard extends DepartmentStep {
    private final SocialSecurityCardClient cards;

    ApplySocialSecurityCard(SocialSecurityCardClient cards) {
      this.cards = cards;
    }

    @Override
    protected void call(StepCall ex, String key) {
      ex.setVariable(SOCIAL_SECURITY_CARD_APPLICATION,
          cards.applyForCard(key, string(ex, CHILD_ID_NUMBER), string(ex, CHILD_NAME)));
    }
  }
}
