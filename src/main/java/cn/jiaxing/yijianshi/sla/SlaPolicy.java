package cn.jiaxing.yijianshi.sla;

/**
 * A time limit, when it becomes "due soon" (即将超期), and how far it may be extended once:
 * {@code "5WD"}, {@code "5WD warn 2WD"}, {@code "30WD extendable 45WD"} (a law's 可延长至45个工作日).
 * Without {@code warn}, a day-based limit is due soon on its last day, an hour-based one in its last quarter.
 */
public record SlaPolicy(SlaDuration limit, SlaDuration warnBefore, SlaDuration extendableTo) {

  public SlaPolicy {
    if (warnBefore != null && (warnBefore.unit() != limit.unit() || warnBefore.amount() > limit.amount())) {
      throw new IllegalArgumentException("warn " + warnBefore + " must be in the unit of " + limit + " and not longer");
    }
    if (extendableTo != null && (extendableTo.unit() != limit.unit() || extendableTo.amount() <= limit.amount())) {
      throw new IllegalArgumentException("extendable " + extendableTo + " must be in the unit of " + limit
          + " and longer");
    }
  }

  public SlaPolicy(SlaDuration limit, SlaDuration warnBefore) {
    this(limit, warnBefore, null);
  }

  public static SlaPolicy parse(String text) {
    String[] extendable = text.strip().split("\\s+extendable\\s+", 2);
    String[] parts = extendable[0].split("\\s+warn\\s+", 2);
    return new SlaPolicy(SlaDuration.parse(parts[0]), parts.length > 1 ? SlaDuration.parse(parts[1]) : null,
        extendable.length > 1 ? SlaDuration.parse(extendable[1]) : null);
  }

  /** The time an extension adds: from the limit to the extended limit. */
  SlaDuration extension() {
    return extendableTo == null ? null : new SlaDuration(extendableTo.amount() - limit.amount(), limit.unit());
  }

  @Override
  public String toString() {
    return limit + (warnBefore == null ? "" : " warn " + warnBefore)
        + (extendableTo == null ? "" : " extendable " + extendableTo);
  }
}
