package cn.jiaxing.yijianshi.childprotection;

/** Process variables of {@code ChildProtectionProcess} (form keys and step results). */
public final class ChildProtectionVariables {

  public static final String PROCESS_KEY = "ChildProtectionProcess";

  // the mandatory report (Form_ChildProtectionReport)
  /** SCHOOL, HOSPITAL, CHILD_DIRECTOR (村/居 儿童主任), HOTLINE or PUBLIC. */
  public static final String REPORTER_KIND = "reporterKind";
  public static final String REPORTER_NAME = "reporterName";
  public static final String REPORTER_PHONE = "reporterPhone";
  public static final String REPORTER_EMAIL = "reporterEmail";
  /** The reporter asks that the family is not told who reported: only the police's form shows the reporter. */
  public static final String ANONYMOUS_TO_FAMILY = "anonymousToFamily";
  public static final String OBSERVED = "observed";
  public static final String CHILD_LOCATION = "childLocation";
  public static final String CHILD_NAME = "childName";
  public static final String CHILD_ID_NUMBER = "childIdNumber";
  public static final String CHILD_AGE = "childAge";

  // Task_AcceptReport (公安)
  public static final String POLICE_CASE_NUMBER = "policeCaseNumber";
  /** DANGER or NO_DANGER: 公安's judgment of immediate danger. */
  public static final String DANGER = "dangerAssessment";
  public static final String ACCEPTANCE_NOTE = "acceptanceNote";
  // Task_RespondOnSite (应急处置)
  /** STAYS_HOME, OTHER_GUARDIAN, RELATIVE, COMMUNITY or PROTECTION_CENTRE. */
  public static final String PLACEMENT = "placement";
  public static final String ON_SITE_NOTE = "onSiteNote";
  /** NONE, REQUEST or REQUEST_URGENT: a 人身安全保护令 is asked of the court. */
  public static final String PROTECTION_ORDER = "protectionOrder";
  public static final String PROTECTION_ORDER_APPLICATION = "protectionOrderApplication";
  // Message_ProtectionOrderDecided
  public static final String PROTECTION_ORDER_MESSAGE = "Message_ProtectionOrderDecided";
  public static final String PROTECTION_ORDER_GRANTED = "protectionOrderGranted";
  public static final String PROTECTION_ORDER_NUMBER = "protectionOrderNumber";

  // Task_AssessChild (评估帮扶, 未成年人救助保护中心)
  /** HIGH, MEDIUM or LOW: the visit cycle follows it. */
  public static final String RISK_LEVEL = "riskLevel";
  public static final String ASSESSMENT = "assessmentSummary";
  public static final String HELP_PLAN = "helpPlan";
  /** The departments the plan names: EDUCATION, HEALTH, SUBSIDY, COUNSELLING (comma-separated once checked). */
  public static final String HELP_DEPARTMENTS = "helpDepartments";
  /** FIT, TEMPORARY_CARE or REMOVAL_NEEDED. */
  public static final String GUARDIANSHIP = "guardianship";
  /** Each help task's form field: what was done (cleared once kept as the part's result). */
  public static final String HELP_PROVIDED = "helpProvided";

  // 监护干预
  public static final String TEMPORARY_CARE_PLACE = "temporaryCarePlace";
  /** FIT_AGAIN, WARNED or UNFIT: the guardian reviewed during temporary care. */
  public static final String GUARDIAN_REVIEW = "guardianReview";
  public static final String GUARDIAN_REVIEW_NOTE = "guardianReviewNote";
  public static final String ADVICE_NUMBER = "adviceNumber";
  public static final String ADVICE = "procuratorialAdvice";
  public static final String SUIT_NUMBER = "guardianshipSuitNumber";
  public static final String JUDGMENT_MESSAGE = "Message_GuardianshipJudgment";
  public static final String GUARDIAN_REMOVED = "guardianRemoved";
  public static final String JUDGMENT_NUMBER = "judgmentNumber";
  public static final String LONG_TERM_CARE_PLACE = "longTermCarePlace";
  public static final String RETURN_PLAN = "returnPlan";

  // 监测预防
  public static final String VISIT_DATE = "visitDate";
  public static final String VISIT_NOTE = "visitNote";
  public static final String PROPOSE_CLOSURE = "proposeClosure";
  /** APPROVE or CONTINUE. */
  public static final String CLOSURE_DECISION = "closureDecision";
  public static final String CLOSURE_NOTE = "closureNote";

  private ChildProtectionVariables() {
  }
}
