package cn.jiaxing.yijianshi.sla;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chinese statutory working-day calendar (法定节假日 and 调休上班日), as published yearly by the
 * General Office of the State Council.
 *
 * <p>A day is a working day if it is Monday to Friday and not a statutory day off, or if it is a
 * make-up working day (a Saturday/Sunday declared a working day). For a year without data the
 * calendar counts Monday to Friday without the statutory days of 《全国年节及纪念日放假办法》 (see
 * {@link StatutoryHolidays}; no make-up days: provisional until the year's block is added); the
 * first time such a year is asked about, a WARN is logged and the {@code onMissingYear} listener is
 * called (once per year and calendar instance).
 *
 * <p>Data format (UTF-8, see {@code classpath:calendar/working-days-cn.txt}):
 *
 * <pre>
 * # comment
 * [2025] source of the data, e.g. the notice number
 * off  2025-01-01
 * off  2025-01-28..2025-02-04
 * work 2025-01-26
 * </pre>
 *
 * <p>Instances are immutable (apart from the record of already reported missing years) and
 * thread-safe.
 */
public final class WorkingDayCalendar {

  /** Classpath location of the bundled data file. */
  public static final String DEFAULT_RESOURCE = "calendar/working-days-cn.txt";

  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  private static final IntConsumer NO_OP = year -> { };

  private static final Pattern BLOCK_HEADER = Pattern.compile("\\[(\\d{4})](?:\\s+(.*))?");
  private static final Pattern ENTRY =
      Pattern.compile("(off|work)\\s+(\\d{4}-\\d{2}-\\d{2})(?:\\.\\.(\\d{4}-\\d{2}-\\d{2}))?");

  private final Set<Integer> coveredYears;
  private final Set<LocalDate> daysOff;
  private final Set<LocalDate> makeUpWorkingDays;
  private final IntConsumer onMissingYear;
  private final Set<Integer> reportedMissingYears = ConcurrentHashMap.newKeySet();
  private final Map<Integer, Set<LocalDate>> provisionalDaysOff = new ConcurrentHashMap<>();

  private WorkingDayCalendar(Set<Integer> coveredYears, Set<LocalDate> daysOff,
      Set<LocalDate> makeUpWorkingDays, IntConsumer onMissingYear) {
    this.coveredYears = Set.copyOf(coveredYears);
    this.daysOff = Set.copyOf(daysOff);
    this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    this.onMissingYear = Objects.requireNonNull(onMissingYear, "onMissingYear");
  }

  /** Reads the bundled {@value #DEFAULT_RESOURCE}; missing years are only logged. */
  public static WorkingDayCalendar loadDefault() {
    return loadDefault(NO_OP);
  }

  /**
   * Reads the bundled {@value #DEFAULT_RESOURCE}.
   *
   * @param onMissingYear called once per year that is asked about but has no data (e.g. to
   *     increment a metric)
   * @throws IllegalStateException if the resource is not on the classpath
   * @throws IllegalArgumentException if the resource is malformed
   */
  public static WorkingDayCalendar loadDefault(IntConsumer onMissingYear) {
    ClassLoader loader = WorkingDayCalendar.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Working-day data not found on classpath: " + DEFAULT_RESOURCE);
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), onMissingYear);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /** Parses working-day data; missing years are only logged. The reader is not closed. */
  public static WorkingDayCalendar parse(Reader source) {
    return parse(source, NO_OP);
  }

  /**
   * Parses working-day data in the format described in the class comment. The reader is not
   * closed.
   *
   * @throws IllegalArgumentException on a malformed line, a date outside its block's year, a
   *     {@code work} date that is not a Saturday/Sunday, a date that is both {@code off} and
   *     {@code work}, or a year with two blocks; the message names the line number and content
   * @throws UncheckedIOException if reading fails
   */
  public static WorkingDayCalendar parse(Reader source, IntConsumer onMissingYear) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(onMissingYear, "onMissingYear");
    Set<Integer> years = new HashSet<>();
    // date -> line number where it was declared, for error messages about conflicts
    Map<LocalDate, Integer> off = new HashMap<>();
    Map<LocalDate, Integer> work = new HashMap<>();
    Integer currentYear = null;

    BufferedReader reader = source instanceof BufferedReader br ? br : new BufferedReader(source);
    int lineNumber = 0;
    try {
      for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
        lineNumber++;
        String line = lineNumber == 1 ? stripBom(raw) : raw;
        int hash = line.indexOf('#');
        String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (content.isEmpty()) {
          continue;
        }

        Matcher header = BLOCK_HEADER.matcher(content);
        if (header.matches()) {
          int year = Integer.parseInt(header.group(1));
          if (!years.add(year)) {
            throw error(lineNumber, raw, "duplicate block for year " + year);
          }
          currentYear = year;
          continue;
        }

        Matcher entry = ENTRY.matcher(content);
        if (!entry.matches()) {
          throw error(lineNumber, raw,
              "expected '[YYYY] source', 'off YYYY-MM-DD', 'off YYYY-MM-DD..YYYY-MM-DD' or 'work YYYY-MM-DD'");
        }
        if (currentYear == null) {
          throw error(lineNumber, raw, "entry before the first '[YYYY]' block header");
        }
        boolean isOff = entry.group(1).equals("off");
        LocalDate from = parseDate(entry.group(2), lineNumber, raw);
        LocalDate to = entry.group(3) == null ? from : parseDate(entry.group(3), lineNumber, raw);
        if (to.isBefore(from)) {
          throw error(lineNumber, raw, "range end " + to + " is before its start " + from);
        }
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
          if (day.getYear() != currentYear) {
            throw error(lineNumber, raw, "date " + day + " is outside the block year " + currentYear);
          }
          if (isOff) {
            Integer workLine = work.get(day);
            if (workLine != null) {
              throw error(lineNumber, raw,
                  day + " is already a make-up working day (line " + workLine + ")");
            }
            off.putIfAbsent(day, lineNumber);
          } else {
            if (!isWeekend(day)) {
              throw error(lineNumber, raw, "make-up working day " + day + " is a " + day.getDayOfWeek()
                  + ", not a Saturday/Sunday");
            }
            Integer offLine = off.get(day);
            if (offLine != null) {
              throw error(lineNumber, raw, day + " is already a day off (line " + offLine + ")");
            }
            work.putIfAbsent(day, lineNumber);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read working-day data", e);
    }
    return new WorkingDayCalendar(years, off.keySet(), work.keySet(), onMissingYear);
  }

  /** Whether the year has its data block (else its working days are provisional). */
  public boolean covers(int year) {
    return coveredYears.contains(year);
  }

  /**
   * The first year from {@code from} to {@code to} (inclusive) without a data block, or {@code null}:
   * working days counted across it are provisional until its block is added.
   */
  public Integer firstUncoveredYear(LocalDate from, LocalDate to) {
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      if (!coveredYears.contains(year)) {
        return year;
      }
    }
    return null;
  }

  /** This calendar as it was before the blocks of {@code year} and later years were added. */
  public WorkingDayCalendar withoutYearsFrom(int year) {
    Set<Integer> years = new TreeSet<>(coveredYears);
    years.removeIf(y -> y >= year);
    return new WorkingDayCalendar(years, daysOff, makeUpWorkingDays, NO_OP);
  }

  /** The years that have a data block, in ascending order. */
  public Set<Integer> coveredYears() {
    return new TreeSet<>(coveredYears);
  }

  /**
   * Whether {@code day} is a working day. Never throws for a year without data: it falls back to
   * Monday to Friday and reports the year once (WARN log + {@code onMissingYear}).
   */
  public boolean isWorkingDay(LocalDate day) {
    Objects.requireNonNull(day, "day");
    int year = day.getYear();
    if (!coveredYears.contains(year)) {
      reportMissingYear(year);
      return !isWeekend(day) && !provisionalDaysOff.computeIfAbsent(year, StatutoryHolidays::of).contains(day);
    }
    if (makeUpWorkingDays.contains(day)) {
      return true;
    }
    return !isWeekend(day) && !daysOff.contains(day);
  }

  /**
   * The date of the {@code days}-th working day after {@code start}. The start day itself is never
   * counted (行政许可法: 开始的当日不计入), whether or not it is a working day.
   *
   * @throws IllegalArgumentException if {@code days < 1}
   */
  public LocalDate addWorkingDays(LocalDate start, int days) {
    Objects.requireNonNull(start, "start");
    if (days < 1) {
      throw new IllegalArgumentException("days must be >= 1, was " + days);
    }
    LocalDate day = start;
    int remaining = days;
    while (remaining > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        remaining--;
      }
    }
    return day;
  }

  /**
   * The number of working days {@code d} with {@code fromExclusive < d <= toInclusive}; 0 if
   * {@code toInclusive} is not after {@code fromExclusive}.
   */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    Objects.requireNonNull(fromExclusive, "fromExclusive");
    Objects.requireNonNull(toInclusive, "toInclusive");
    int count = 0;
    for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /** {@code day} itself if it is a working day, otherwise the first working day after it. */
  public LocalDate nextWorkingDayOnOrAfter(LocalDate day) {
    Objects.requireNonNull(day, "day");
    LocalDate candidate = day;
    while (!isWorkingDay(candidate)) {
      candidate = candidate.plusDays(1);
    }
    return candidate;
  }

  @Override
  public String toString() {
    return "WorkingDayCalendar" + coveredYears();
  }

  private void reportMissingYear(int year) {
    if (!reportedMissingYears.add(year)) {
      return;
    }
    log.warn("No working-day data for year {}: counting Mon-Fri without its statutory days off (provisional,"
        + " no make-up days) until its block is added to {}", year, DEFAULT_RESOURCE);
    try {
      onMissingYear.accept(year);
    } catch (RuntimeException e) {
      // a broken listener (e.g. metrics) must not break due-date computation
      log.warn("onMissingYear listener failed for year {}", year, e);
    }
  }

  private static boolean isWeekend(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }

  private static LocalDate parseDate(String text, int lineNumber, String line) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw error(lineNumber, line, "invalid date " + text);
    }
  }

  private static String stripBom(String line) {
    return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
  }

  private static IllegalArgumentException error(int lineNumber, String line, String problem) {
    return new IllegalArgumentException(
        "Working-day data, line " + lineNumber + " '" + line.strip() + "': " + problem);
  }
}
