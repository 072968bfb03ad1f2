package cn.jiaxing.yijianshi;

import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid, random resident ID numbers for tests (address code 330402, 嘉兴市南湖区), so runs against a
 * database that keeps earlier runs' data never collide. Sequence codes 900–999 are avoided unless
 * asked for: the simulator gives them documented meanings (98x no household, 99x already married, 90x–97x
 * the after-death answers: README, Simulated departments).
 */
public final class TestPeople {

  private TestPeople() {
  }

  /** Today in the platform's zone (Asia/Shanghai), which is what the application checks dates against. */
  public static LocalDate today() {
    return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
  }

  public static String man(int age) {
    return id(true, age, null);
  }

  public static String woman(int age) {
    return id(false, age, null);
  }

  /** A person whose sequence code starts with the given two digits (e.g. "99": already married in the simulator). */
  public static String withSequencePrefix(boolean male, int age, String prefix) {
    return id(male, age, prefix);
  }

  private static String id(boolean male, int age, String prefix) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    LocalDate birth = today().minusYears(age).minusDays(1 + random.nextInt(300));
    int sequence = prefix == null
        ? 100 + random.nextInt(600) // 700–999 are the simulator's refusal codes
        : Integer.parseInt(prefix) * 10 + random.nextInt(10);
    if (sequence % 2 != (male ? 1 : 0)) {
      sequence += sequence % 10 == 9 ? -1 : 1;
    }
    String first17 = "330402" + birth.toString().replace("-", "") + String.format("%03d", sequence);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }
}
