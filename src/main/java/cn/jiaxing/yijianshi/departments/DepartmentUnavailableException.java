package cn.jiaxing.yijianshi.departments;

/**
 * A technical fault talking to a department system (timeout, connection refused, 5xx, unreadable
 * answer). The job is retried by the engine, then becomes an incident an operator can retry.
 */
public class DepartmentUnavailableException extends RuntimeException {

  /** In Chinese: it is what the front desk sees on a stuck step (the job's last error). */
  public DepartmentUnavailableException(Department department, String operation, String detail, Throwable cause) {
    super(department.displayName() + "系统暂时无法办理（" + department.code() + "/" + operation + "："
        + detail + "），系统将自动重试", cause);
  }

  public DepartmentUnavailableException(String system, String operation, String detail, Throwable cause) {
    super("部门系统 " + system + " 暂时无法办理（" + system + "/" + operation + "：" + detail + "），系统将自动重试", cause);
  }
}
