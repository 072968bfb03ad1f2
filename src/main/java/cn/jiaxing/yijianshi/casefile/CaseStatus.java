package cn.jiaxing.yijianshi.casefile;

public enum CaseStatus {
  OPEN("办理中"),
  COMPLETED("已办结"),
  REFUSED("不予办理"),
  /** The process instance was deleted (e.g. by an operator in Cockpit) before it reached an end event. */
  CANCELED("已撤销");

  private final String displayName;

  CaseStatus(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
