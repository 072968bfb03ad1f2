package cn.jiaxing.yijianshi.casefile;

public enum CaseStatus {
  OPEN("办理中"),
  COMPLETED("已办结"),
  REFUSED("不予办理");

  private final String displayName;

  CaseStatus(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
