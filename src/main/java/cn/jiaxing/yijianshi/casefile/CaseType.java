package cn.jiaxing.yijianshi.casefile;

/** The kinds of joint case, each run by one process. Add a constant when a process family joins. */
public enum CaseType {
  MARRIAGE_HOUSEHOLD("JH", "结婚登记及户口联办", "MarriageHouseholdProcess"),
  BIRTH_HOUSEHOLD("CS", "出生一件事", "BirthHouseholdProcess");

  private final String numberCode;
  private final String displayName;
  private final String processKey;

  CaseType(String numberCode, String displayName, String processKey) {
    this.numberCode = numberCode;
    this.displayName = displayName;
    this.processKey = processKey;
  }

  /** Two letters in the case number, e.g. JX<b>JH</b>20261129000042. */
  public String numberCode() {
    return numberCode;
  }

  public String displayName() {
    return displayName;
  }

  public String processKey() {
    return processKey;
  }
}
