package cn.jiaxing.yijianshi.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * A Chinese resident ID number (居民身份证号码, GB 11643-1999): 6-digit address code, birth date
 * YYYYMMDD, 3-digit sequence (odd = male, even = female) and an ISO 7064 MOD 11-2 check character.
 * Instances are always valid; {@link #toString()} is masked so that a number never lands in a log by accident.
 */
public final class ResidentIdNumber {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARS = "10X98765432";
  /** Province-level codes (first two digits) in use. */
  private static final Set<String> PROVINCES = Set.of(
      "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
      "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
      "65", "71", "81", "82");

  private final String value;
  private final LocalDate birthDate;

  private ResidentIdNumber(String value, LocalDate birthDate) {
    this.value = value;
    this.birthDate = birthDate;
  }

  /**
   * Parses and checks a number; {@code today} bounds the birth date.
   *
   * @param label what the number is, in Chinese, for the message (e.g. "男方身份证号码")
   * @throws InvalidIdNumberException with a Chinese message naming the problem
   */
  public static ResidentIdNumber parse(String raw, String label, LocalDate today) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidIdNumberException(label + "不能为空");
    }
    String v = raw.strip();
    if (!v.matches("[0-9]{17}[0-9X]")) {
      throw new InvalidIdNumberException(label + "格式不正确：应为18位，前17位为数字，末位为数字或大写X");
    }
    if (!PROVINCES.contains(v.substring(0, 2))) {
      throw new InvalidIdNumberException(label + "的地址码无效（前两位不是有效的省级行政区划代码）");
    }
    LocalDate birth;
    try {
      birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
          Integer.parseInt(v.substring(12, 14)));
    } catch (DateTimeException e) {
      throw new InvalidIdNumberException(label + "中的出生日期不是有效日期");
    }
    if (birth.isAfter(today) || birth.getYear() < 1900) {
      throw new InvalidIdNumberException(label + "中的出生日期不合理");
    }
    if (v.charAt(17) != checkCharacter(v.substring(0, 17))) {
      throw new InvalidIdNumberException(label + "校验位错误，请核对号码是否抄录有误");
    }
    return new ResidentIdNumber(v, birth);
  }

  /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARS.charAt(sum % 11);
  }

  /** Masks a raw number for display: first 6 and last 4 kept ({@code 330402********1234}). */
  public static String mask(String raw) {
    if (raw == null) {
      return null;
    }
    String v = raw.strip();
    if (v.length() < 10) {
      return "*".repeat(v.length());
    }
    return v.substring(0, 6) + "*".repeat(v.length() - 10) + v.substring(v.length() - 4);
  }

  private static final java.util.regex.Pattern IN_TEXT =
      java.util.regex.Pattern.compile("(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9Xx])");

  /** Masks every ID-number-shaped run of 18 characters in free text (e.g. a department's message). */
  public static String maskAll(String text) {
    return text == null ? null : IN_TEXT.matcher(text).replaceAll("$1********$2");
  }

  public String value() {
    return value;
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  public boolean isMale() {
    return (value.charAt(16) - '0') % 2 == 1;
  }

  /** Age in full years on the given day. */
  public int ageOn(LocalDate day) {
    return java.time.Period.between(birthDate, day).getYears();
  }

  public String masked() {
    return mask(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResidentIdNumber other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return masked();
  }

  /** A number that fails the GB 11643 checks; the message is Chinese and names the field. */
  public static class InvalidIdNumberException extends IllegalArgumentException {
    public InvalidIdNumberException(String message) {
      super(message);
    }
  }
}
