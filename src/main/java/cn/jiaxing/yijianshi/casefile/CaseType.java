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
 * @param readers for a confidential case (children's data): the only groups, besides supervisors and
 *     administrators ({@link #OVERSEERS}), that may look the case up; empty: the front desk may too
 */
public record CaseType(@JsonValue String name, String numberCode, String displayName, String processKey,
    java.util.Set<String> readers) {

  /** Supervisors and administrators (identity's StaffGroups.SUPERVISOR and ADMIN) may look any case up. */
  public static final java.util.Set<String> OVERSEERS = java.util.Set.of("supervisor", "camunda-admin");

  public CaseType(String name, String numberCode, String displayName, String processKey) {
    this(name, numberCode, displayName, processKey, java.util.Set.of());
  }

  /** Whether only its {@link #readers} (and the overseers) may look the case up. */
  public boolean confidential() {
    return !readers.isEmpty();
  }

  public CaseType {
    readers = readers == null ? java.util.Set.of() : java.util.Set.copyOf(readers);
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
