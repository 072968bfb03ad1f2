package cn.jiaxing.yijianshi.sla;

/**
 * A time limit and when it becomes "due soon" (即将超期): {@code "5WD"} or {@code "5WD warn 2WD"}.
 * Without {@code warn}, a day-based limit is due soon on its last day, an hour-based one in its last quarter.
 */
public record SlaPolicy(SlaDuration limit, SlaDuration warnBefore) {

  public SlaPolicy {
    if (warnBefore != null && (warnBefore.unit() != limit.unit() || warnBefore.amount() > limit.amount())) {
      throw new IllegalArgumentException("warn " + warnBefore + " must be in the unit of " + limit + " and not longer");
    }
  }

  public static SlaPolicy parse(String text) {
    String[] parts = text.strip().split("\\s+warn\\s+", 2);
    return new SlaPolicy(SlaDuration.parse(parts[0]), parts.length > 1 ? SlaDuration.parse(parts[1]) : null);
  }

  @Override
  public String toString() {
    return limit + (warnBefore == null ? "" : " warn " + warnBefore);
  }
}
