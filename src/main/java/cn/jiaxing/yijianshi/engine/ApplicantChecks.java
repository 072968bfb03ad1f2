package cn.jiaxing.yijianshi.engine;

import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Checks of an applicant's fields that every family's application form shares, with their Chinese messages. */
public final class ApplicantChecks {

  private ApplicantChecks() {
  }

  public static ResidentIdNumber idNumber(InputChecks checks, VariableScope scope, String variable, String label,
      LocalDate today) {
    String raw = checks.text(variable, label);
    return raw == null ? null : checks.parse(() -> ResidentIdNumber.parse(raw, label, today));
  }

  public static String email(InputChecks checks, String variable) {
    String email = checks.optionalText(variable, "联系邮箱");
    checks.require(email == null || email.length() <= 200 && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
        "联系邮箱格式不正确");
    return email;
  }

  /** A person's name: required, at most 40 characters (long transliterated names fit). */
  public static String name(InputChecks checks, String variable, String label) {
    String name = checks.text(variable, label);
    checks.require(name == null || name.length() <= 40, label + "不能超过40个字");
    return name;
  }

  public static void phone(InputChecks checks, String variable) {
    String phone = checks.optionalText(variable, "联系电话");
    checks.require(phone == null || phone.matches("1[0-9]{10}"), "联系电话应为11位手机号码");
  }
}
