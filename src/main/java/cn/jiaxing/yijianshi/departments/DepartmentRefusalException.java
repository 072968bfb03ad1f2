package cn.jiaxing.yijianshi.departments;

/**
 * A department system refused the request on business grounds (HTTP 422 with a code and a Chinese
 * message). Retrying will not help: the process takes its modelled refusal path.
 */
public class DepartmentRefusalException extends RuntimeException {

  private final Department department;
  private final String code;

  public DepartmentRefusalException(Department department, String code, String message) {
    super(message);
    this.department = department;
    this.code = code;
  }

  public Department department() {
    return department;
  }

  /** The department's refusal code, e.g. {@code ALREADY_MARRIED}. */
  public String code() {
    return code;
  }
}
