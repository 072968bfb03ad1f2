package cn.jiaxing.yijianshi.departments;

/**
 * A technical fault talking to a department system (timeout, connection refused, 5xx, unreadable
 * answer). The job is retried by the engine, then becomes an incident an operator can retry.
 */
public class DepartmentUnavailableException extends RuntimeException {

  public DepartmentUnavailableException(String system, String operation, String detail, Throwable cause) {
    super(system + "/" + operation + " unavailable: " + detail, cause);
  }
}
