package cn.jiaxing.yijianshi.marriagebirth;

/** Process variables of {@code MarriageHouseholdProcess} (form keys and step results). */
public final class MarriageVariables {

  public static final String PROCESS_KEY = "MarriageHouseholdProcess";

  public static final String CASE_NUMBER = "caseNumber";
  /** The day the registrar approved: the marriage is registered as of it. */
  public static final String REGISTRATION_DATE = "registrationDate";
  public static final String GROOM_NAME = "groomName";
  public static final String GROOM_ID_NUMBER = "groomIdNumber";
  public static final String BRIDE_NAME = "brideName";
  public static final String BRIDE_ID_NUMBER = "brideIdNumber";
  public static final String APPLICANT_EMAIL = "applicantEmail";
  public static final String APPLICANT_PHONE = "applicantPhone";
  public static final String DECLARATION_SIGNED = "declarationSigned";
  public static final String BOTH_PRESENT = "bothPresent";
  public static final String HOUSEHOLD_MOVE_REQUESTED = "householdMoveRequested";
  /** BRIDE_TO_GROOM or GROOM_TO_BRIDE. */
  public static final String HOUSEHOLD_MOVE_DIRECTION = "householdMoveDirection";
  public static final String BIRTH_PLANNING_REQUESTED = "birthPlanningRequested";

  // registrar's decision (Task_ConfirmMarriageRegistration)
  public static final String PARTIES_PRESENT = "partiesPresent";
  public static final String VOLUNTARY = "voluntary";
  public static final String NO_PROHIBITED_KINSHIP = "noProhibitedKinship";
  public static final String MARRIAGE_APPROVED = "marriageApproved";
  public static final String REFUSAL_REASON = "refusalReason";

  // results
  public static final String MARRIAGE_CERTIFICATE_NUMBER = "marriageCertificateNumber";
  public static final String MARITAL_STATUS_UPDATED = "maritalStatusUpdated";
  public static final String HOUSEHOLD_MOVE_APPROVED = "householdMoveApproved";
  public static final String HOUSEHOLD_MOVE_REFUSAL_REASON = "householdMoveRefusalReason";
  public static final String HOUSEHOLD_MOVE_NUMBER = "householdMoveNumber";
  public static final String BIRTH_PLANNING_REGISTRATION_NUMBER = "birthPlanningRegistrationNumber";

  private MarriageVariables() {
  }
}
