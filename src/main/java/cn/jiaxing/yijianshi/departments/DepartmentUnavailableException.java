package cn.jiaxing.yijianshi.departments;

/**
 * A technical fault talking to a department system (timeout, connection refused, 5xx, unreadable
 * answer). The job is retried by the engine, then becomes an incident an operator can retry.
 */
public class DepartmentUnavailableException extends RuntimeException {

  public DepartmentUnavailableException(Department department, String operation, String detail, Throwable cause) {
    super(department.code() + "/" + operation + " unavailable: " + detail, cause);
  }
}
