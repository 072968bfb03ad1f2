package cn.jiaxing.yijianshi.sla;

/** The unit of an {@link SlaDuration}; {@link #suffix()} is its textual form ("5WD", "7CD", "24H"). */
public enum SlaUnit {
  /** Statutory working days, see {@link WorkingDayCalendar}. */
  WORKING_DAYS("WD"),
  /** Calendar days, holidays included. */
  CALENDAR_DAYS("CD"),
  /** Elapsed hours. */
  HOURS("H");

  private final String suffix;

  SlaUnit(String suffix) {
    this.suffix = suffix;
  }

  public String suffix() {
    return suffix;
  }
}
