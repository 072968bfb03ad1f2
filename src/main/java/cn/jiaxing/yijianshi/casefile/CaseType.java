package cn.jiaxing.yijianshi.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A kind of joint case, run by one (root) process. Each family declares its types as beans; the
 * {@link CaseTypes} registry holds them all.
 *
 * @param name stored with the case, e.g. {@code MARRIAGE_HOUSEHOLD}; never change it once cases exist
 * @param numberCode two letters in the case number, e.g. JX<b>JH</b>20261129000042
 * @param displayName shown to staff and applicants, e.g. 结婚登记及户口联办
 * @param processKey the process that runs the case
 */
public record CaseType(@JsonValue String name, String numberCode, String displayName, String processKey) {

  public CaseType {
    if (name == null || !name.matches("[A-Z][A-Z0-9_]{1,39}")) {
      throw new IllegalArgumentException("Case type name must be UPPER_SNAKE_CASE, at most 40 characters: " + name);
    }
    if (numberCode == null || !numberCode.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("Case type " + name + ": the number code must be two capital letters");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
