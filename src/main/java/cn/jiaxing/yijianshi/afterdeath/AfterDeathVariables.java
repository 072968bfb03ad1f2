package cn.jiaxing.yijianshi.afterdeath;

/** Process variables of {@code AfterDeathProcess} (form keys and step results). */
public final class AfterDeathVariables {

  public static final String PROCESS_KEY = "AfterDeathProcess";
  /** The property matters, a process the case calls (one branch per matter the family chose). */
  public static final String PROPERTY_PROCESS_KEY = "AfterDeathPropertyProcess";

  // the application (Form_AfterDeathApplication)
  public static final String DECEASED_NAME = "deceasedName";
  public static final String DECEASED_ID_NUMBER = "deceasedIdNumber";
  public static final String DATE_OF_DEATH = "dateOfDeath";
  /** HOSPITAL, HOME or NON_NATURAL: who proves the death (卫健, or 公安 for a non-natural death). */
  public static final String DEATH_KIND = "deathKind";
  public static final String PLACE_OF_DEATH = "placeOfDeath";
  /** The number of the 死亡医学证明 the hospital or community health centre issued (not for a non-natural death). */
  public static final String DEATH_PROOF_NUMBER = "deathProofNumber";
  public static final String APPLICANT_NAME = "applicantName";
  public static final String APPLICANT_ID_NUMBER = "applicantIdNumber";
  /** SPOUSE, PARENT, CHILD, SIBLING, OTHER_RELATIVE or AGENT (the hospital or funeral home on the family's behalf). */
  public static final String RELATIONSHIP = "relationship";
  public static final String APPLICANT_EMAIL = "applicantEmail";
  public static final String APPLICANT_PHONE = "applicantPhone";
  public static final String DECLARATION_SIGNED = "declarationSigned";
  /**
   * The property matters the family wants handled (身后涉财事项): a selection of DEPOSITS, REAL_ESTATE,
   * VEHICLES, SECURITIES, INSURANCE, kept as comma-separated codes (empty: none).
   */
  public static final String PROPERTY_MATTERS = "propertyMatters";
  /** The banks whose deposits are to be queried (codes of {@link AfterDeathPropertyMatters#BANK_NAMES}, comma-separated). */
  public static final String BANKS = "banks";
  /** Whether the family asks to withdraw small sums without notarisation (金规〔2024〕6号). */
  public static final String SMALL_SUM_WITHDRAWAL = "smallSumWithdrawal";
  /** The proof of the applicant's relationship to the deceased, for property matters (or NONE). */
  public static final String RELATIONSHIP_PROOF = "relationshipProof";

  // steps
  public static final String DEATH_PROOF_ISSUER = "deathProofIssuer";
  public static final String ZHEJIANG_HOUSEHOLD = "zhejiangHousehold";
  /** NONE, DIBAO or TEKUN (民政). */
  public static final String ASSISTANCE_STATUS = "assistanceStatus";
  public static final String FREE_FUNERAL_ITEMS = "freeFuneralItems";
  public static final String EXTRA_FUNERAL_REDUCTION = "extraFuneralReduction";
  public static final String FUNERAL_POLICY_BASIS = "funeralPolicyBasis";
  public static final String CREMATION_DATE = "cremationDate";
  public static final String CREMATION_CERTIFICATE_NUMBER = "cremationCertificateNumber";
  public static final String REFUSAL_REASON = "refusalReason";

  // each department's outcome, in words the family reads (a refusal, e.g. no pension record, is an outcome too)
  public static final String HOUSEHOLD_RESULT = "householdCancellationResult";
  public static final String PENSION_RESULT = "pensionResult";
  public static final String MEDICAL_INSURANCE_RESULT = "medicalInsuranceResult";
  public static final String ALLOWANCE_RESULT = "allowanceResult";
  public static final String DISABILITY_RESULT = "disabilityCardResult";
  public static final String HOUSING_FUND_RESULT = "housingFundResult";
  /** One line per bank: "<bank name>：<outcome>", in the order of {@link AfterDeathPropertyMatters#BANK_NAMES}. */
  public static final String DEPOSIT_RESULTS = "depositResults";
  public static final String REAL_ESTATE_RESULT = "realEstateResult";
  public static final String DRIVING_LICENCE_RESULT = "drivingLicenceResult";
  public static final String VEHICLE_RESULT = "vehicleResult";
  public static final String SECURITIES_RESULT = "securitiesResult";
  public static final String INSURANCE_RESULT = "insuranceResult";

  // the property process's own (not passed back to the case)
  /** The bank of one multi-instance element of Task_SettleBankDeposits. */
  public static final String BANK = "bank";
  public static final String REAL_ESTATE_COUNT = "realEstateCount";
  public static final String REAL_ESTATE_HOLDINGS = "realEstateHoldings";
  /** 不动产登记中心's decision: REGISTERED or MATERIALS_NEEDED. */
  public static final String REAL_ESTATE_OUTCOME = "realEstateOutcome";
  public static final String REAL_ESTATE_CERTIFICATE = "realEstateCertificateNumber";
  public static final String REAL_ESTATE_NOTE = "realEstateNote";

  private AfterDeathVariables() {
  }
}
