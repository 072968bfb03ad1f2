package cn.jiaxing.yijianshi.marriagebirth;

/** Process variables of {@code BirthHouseholdProcess} (form keys and step results). */
public final class BirthVariables {

  public static final String PROCESS_KEY = "BirthHouseholdProcess";

  public static final String CASE_NUMBER = "caseNumber";
  public static final String CHILD_NAME = "childName";
  /** M or F. */
  public static final String CHILD_SEX = "childSex";
  public static final String CHILD_BIRTH_DATE = "childBirthDate";
  public static final String BIRTH_HOSPITAL = "birthHospital";
  public static final String MOTHER_NAME = "motherName";
  public static final String MOTHER_ID_NUMBER = "motherIdNumber";
  public static final String FATHER_NAME = "fatherName";
  public static final String FATHER_ID_NUMBER = "fatherIdNumber";
  public static final String MARRIAGE_CERTIFICATE_NUMBER = "marriageCertificateNumber";
  /** FATHER or MOTHER: whose household the child joins. */
  public static final String HOUSEHOLD_PARENT = "householdParent";
  public static final String APPLICANT_EMAIL = "applicantEmail";
  public static final String APPLICANT_PHONE = "applicantPhone";
  public static final String DECLARATION_SIGNED = "declarationSigned";

  // decisions
  public static final String BIRTH_RECORD_CONFIRMED = "birthRecordConfirmed";
  public static final String BIRTH_REGISTRATION_APPROVED = "birthRegistrationApproved";
  public static final String REFUSAL_REASON = "refusalReason";

  // results
  public static final String BIRTH_CERTIFICATE_NUMBER = "birthCertificateNumber";
  /** The child's ID number from 公安; needed by 医保 and 人社, masked everywhere it is shown. */
  public static final String CHILD_ID_NUMBER = "childIdNumber";
  public static final String VACCINATION_RECORD_NUMBER = "vaccinationRecordNumber";
  public static final String BIRTH_PLANNING_REGISTRATION_NUMBER = "birthPlanningRegistrationNumber";
  public static final String MEDICAL_INSURANCE_NUMBER = "medicalInsuranceNumber";
  public static final String MEDICAL_INSURANCE_BENEFIT_START = "medicalInsuranceBenefitStart";
  public static final String SOCIAL_SECURITY_CARD_APPLICATION = "socialSecurityCardApplication";

  private BirthVariables() {
  }
}
