package cn.jiaxing.yijianshi.identity;

/** Group ids beside the department codes (which are groups too, see {@code departments.Department}). */
public final class StaffGroups {

  /** 综合受理窗口: starts cases, queries progress. */
  public static final String FRONT_DESK = "frontdesk";
  /** 督办: reads everything in Cockpit, completes nothing. */
  public static final String SUPERVISOR = "supervisor";
  /** Camunda's administrators group. */
  public static final String ADMIN = "camunda-admin";

  private StaffGroups() {
  }
}
