package cn.jiaxing.yijianshi.sla;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service-level time limit such as "5WD" (5 working days), "7CD" (7 calendar days) or "24H"
 * (24 hours).
 */
public record SlaDuration(long amount, SlaUnit unit) {

  private static final String ACCEPTED_FORMS =
      "accepted forms are <n>WD (working days), <n>CD (calendar days) or <n>H (hours), "
          + "with n >= 1, case-insensitive, e.g. 5WD, 7CD, 24H";

  private static final Pattern FORMAT = Pattern.compile("(\\d+)(WD|CD|H)");

  public SlaDuration {
    Objects.requireNonNull(unit, "unit");
    if (amount < 1) {
      throw new IllegalArgumentException("SLA amount must be >= 1, was " + amount);
    }
  }

  /**
   * Parses "5WD", "7CD" or "24H" (case-insensitive, surrounding whitespace ignored).
   *
   * @throws IllegalArgumentException for anything else, with a message listing the accepted forms
   */
  public static SlaDuration parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("Invalid SLA duration null: " + ACCEPTED_FORMS);
    }
    Matcher m = FORMAT.matcher(text.strip().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("Invalid SLA duration '" + text + "': " + ACCEPTED_FORMS);
    }
    long amount;
    try {
      amount = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid SLA duration '" + text + "' (amount too large): "
          + ACCEPTED_FORMS);
    }
    if (amount < 1) {
      throw new IllegalArgumentException("Invalid SLA duration '" + text + "' (amount must be >= 1): "
          + ACCEPTED_FORMS);
    }
    SlaUnit unit = switch (m.group(2)) {
      case "WD" -> SlaUnit.WORKING_DAYS;
      case "CD" -> SlaUnit.CALENDAR_DAYS;
      default -> SlaUnit.HOURS;
    };
    return new SlaDuration(amount, unit);
  }

  /** The canonical textual form, e.g. "5WD"; {@code parse(toString())} gives back an equal value. */
  @Override
  public String toString() {
    return amount + unit.suffix();
  }
}
