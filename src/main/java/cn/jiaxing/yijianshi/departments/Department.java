package cn.jiaxing.yijianshi.departments;

import java.util.Arrays;
import java.util.Optional;

/**
 * The department systems joint cases talk to. The code is also the Camunda candidate group of the
 * department's clerks and the path segment of its system's base URL.
 */
public enum Department {
  MZ("mz", "民政局（婚姻登记）"),
  GA("ga", "公安局（户籍）"),
  WJ("wj", "卫生健康委员会"),
  JK("jk", "疾病预防控制中心"),
  YB("yb", "医疗保障局"),
  RS("rs", "人力资源和社会保障局");

  private final String code;
  private final String displayName;

  Department(String code, String displayName) {
    this.code = code;
    this.displayName = displayName;
  }

  public String code() {
    return code;
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<Department> fromCode(String code) {
    return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
  }
}
