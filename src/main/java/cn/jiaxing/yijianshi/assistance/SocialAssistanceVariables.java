package cn.jiaxing.yijianshi.assistance;

/** Process variables of {@code SocialAssistanceProcess} (form keys and step results). */
public final class SocialAssistanceVariables {

  public static final String PROCESS_KEY = "SocialAssistanceProcess";

  // the application (Form_SocialAssistanceApplication, 浙江省社会救助申请表)
  public static final String APPLICANT_NAME = "applicantName";
  public static final String APPLICANT_ID_NUMBER = "applicantIdNumber";
  public static final String APPLICANT_PHONE = "applicantPhone";
  public static final String APPLICANT_EMAIL = "applicantEmail";
  public static final String RESIDENCE_ADDRESS = "residenceAddress";
  /** WINDOW (the household applies) or GRID_WORKER (主动发现: a grid worker opens it on the household's behalf). */
  public static final String CHANNEL = "applicationChannel";
  public static final String GRID_WORKER_NAME = "gridWorkerName";
  /** The other household members' ID numbers, one per line (the applicant is a member too). */
  public static final String MEMBER_IDS = "householdMemberIds";
  /** The applicant and the members named: set at intake. */
  public static final String HOUSEHOLD_SIZE = "householdSize";
  public static final String APPLICATION_REASON = "applicationReason";
  // the household's needs, as declared (health and disability are sensitive: only the steps that need them show them)
  public static final String SERIOUS_ILLNESS = "seriousIllness";
  public static final String DISABLED_MEMBERS = "disabledMembers";
  public static final String SCHOOL_CHILDREN = "schoolChildren";
  public static final String HOUSING_DIFFICULTY = "housingDifficulty";
  public static final String DISASTER_AFFECTED = "disasterAffected";
  public static final String UNEMPLOYED_MEMBERS = "unemployedMembers";
  /** 急难: help first (先行救助), paperwork after. */
  public static final String URGENT = "urgent";
  public static final String URGENT_SITUATION = "urgentSituation";
  /** Whether the household signed the 家庭经济状况核对授权书; without it nothing is queried. */
  public static final String AUTHORIZATION_SIGNED = "authorizationSigned";
  /** The authorization's number, sent with every query of the economic check. */
  public static final String AUTHORIZATION_NUMBER = "authorizationNumber";
  public static final String DECLARATION_SIGNED = "declarationSigned";

  // Task_CollectAuthorization
  /** SIGNED or DECLINED. */
  public static final String AUTHORIZATION_OUTCOME = "authorizationOutcome";
  // Task_GrantUrgentAssistance, Task_CompleteUrgentPaperwork
  public static final String URGENT_AMOUNT = "urgentAmount";
  public static final String URGENT_HELP = "urgentHelp";
  public static final String URGENT_RESULT = "urgentResult";
  public static final String PAPERWORK_COMPLETE = "paperworkComplete";

  // the economic check (Task_QueryEconomicFacts, one element per source)
  /** The source system of one element (a code of {@link SocialAssistancePolicy#SOURCES}). */
  public static final String CHECK_SOURCE = "checkSource";
  /** One source's answer, kept for the report: "income|assets|vehicles|properties|businesses|summary" or NO_ANSWER|reason. */
  public static final String CHECK_FACTS_PREFIX = "checkFacts_";
  /** The report: one line per source, in the order of the sources. */
  public static final String CHECK_REPORT = "checkReport";
  /** The sources that did not answer, by name (empty: all answered). */
  public static final String CHECK_MISSING = "checkMissing";
  public static final String REPORTED_INCOME = "reportedMonthlyIncome";
  public static final String REPORTED_ASSETS = "reportedAssets";
  public static final String REPORTED_VEHICLES = "reportedVehicles";
  public static final String REPORTED_PROPERTIES = "reportedProperties";
  public static final String REPORTED_BUSINESSES = "reportedBusinesses";
  // Task_ReviewMissingSources
  /** RERUN (ask the silent sources again) or PROCEED (the investigation verifies what they would have said). */
  public static final String CHECK_FOLLOW_UP = "checkFollowUp";
  public static final String CHECK_FOLLOW_UP_NOTE = "checkFollowUpNote";

  // Task_InvestigateHousehold (入户调查, 民主评议)
  public static final String VERIFIED_SIZE = "verifiedHouseholdSize";
  public static final String VERIFIED_INCOME = "verifiedMonthlyIncome";
  public static final String VERIFIED_ASSETS = "verifiedAssets";
  public static final String ABLE_TO_WORK = "membersAbleToWork";
  public static final String CAPABLE_SUPPORTER = "capableSupporter";
  public static final String INVESTIGATION_DATE = "investigationDate";
  public static final String FINDINGS = "investigationFindings";
  public static final String DEMOCRATIC_REVIEW = "democraticReview";
  /** APPROVE or REFUSE: the township's first opinion. */
  public static final String TOWNSHIP_OPINION = "townshipOpinion";
  // derived at the end of the investigation, inputs of Decision_AssistanceCategory
  public static final String INCOME_PER_PERSON = "incomePerPerson";
  public static final String ASSETS_PER_PERSON = "assetsPerPerson";
  public static final String POVERTY_LINE = "povertyLine";
  public static final String ASSET_LIMIT = "assetLimitPerPerson";

  // 公示 (Task_RecordNoticeObjection, or Message_NoticeObjection)
  public static final String NOTICE_OBJECTION = "noticeObjection";
  public static final String OBJECTION_MESSAGE = "Message_NoticeObjection";

  // Decision_AssistanceCategory, Task_ConfirmAssistance
  public static final String PROPOSED_CATEGORY = "proposedCategory";
  public static final String PROPOSAL_REASON = "proposalReason";
  /** DIBAO, TEKUN or REFUSED: the county's decision. */
  public static final String DECISION = "assistanceDecision";
  public static final String DECISION_REASON = "decisionReason";
  public static final String APPROVED_ON = "approvedOn";
  // Task_WriteRefusalNotice
  public static final String REFUSAL_NOTICE = "refusalNotice";
  public static final String REFUSAL_REASON = "refusalReason";

  // Task_GrantAssistance
  public static final String MONTHLY_AMOUNT = "monthlyAmount";
  public static final String PAYMENT_FROM = "paymentFrom";
  public static final String GRANT_NUMBER = "grantNumber";

  // the companion aids (Decision_CompanionAids, then one task per aid)
  /** The aids chosen, comma-separated codes of {@link SocialAssistancePolicy#AIDS}. */
  public static final String COMPANION_AIDS = "companionAids";
  /** APPROVED or REFUSED (each aid's form; cleared once its result is kept). */
  public static final String AID_OUTCOME = "aidOutcome";
  public static final String AID_AMOUNT = "aidAmount";
  public static final String AID_SERVICE = "aidService";
  public static final String AID_REASON = "aidReason";

  // the follow-up (Task_RecheckHousehold, Task_StopAssistance)
  public static final String RECHECK_INCOME = "recheckMonthlyIncome";
  public static final String RECHECK_SIZE = "recheckHouseholdSize";
  public static final String INCOME_FROM_WORK = "incomeFromEmployment";
  public static final String RECHECK_NOTE = "recheckNote";
  /** CONTINUE, GRADUAL_EXIT or STOP, derived from the re-checked income. */
  public static final String RECHECK_OUTCOME = "recheckOutcome";
  public static final String RECHECK_RESULT = "recheckResult";
  public static final String STOPPED_FROM = "assistanceStoppedFrom";
  public static final String STOP_NUMBER = "assistanceStopNumber";

  private SocialAssistanceVariables() {
  }
}
