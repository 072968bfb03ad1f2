package cn.jiaxing.yijianshi.simulator;

import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The documented behaviour of each simulated department (see README, "Simulated departments").
 * Deterministic refusals:
 * <ul>
 *   <li>民政: a person whose ID sequence code (digits 15–17) is 990–999, or who was married through
 *       the simulator before, is already married → 422 ALREADY_MARRIED.</li>
 *   <li>公安: a person whose ID sequence code is 980–989 has no household record → 422
 *       HOUSEHOLD_NOT_FOUND (household moves to them, births registered into their household).</li>
 *   <li>医保: benefits start on the birth date when enrolled within 90 days of birth, otherwise on
 *       the first day of the following month.</li>
 * </ul>
 */
@Component
class DepartmentRules {

  private final JdbcClient db;
  private final Clock clock;

  DepartmentRules(JdbcClient db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Does the work of one request; {@code serial} is the request's own number, unique per simulator. */
  SimulatedAnswer apply(String department, String operation, Map<String, Object> body, long serial) {
    if (VOIDS.equals(operation)) {
      return voidRequest(department, text(body, "idempotencyKey"));
    }
    return switch (department + "/" + operation) {
      case "mz/marriage-status-checks" -> marriageStatusCheck(ids(body, "idNumbers"));
      case "mz/marriages" -> registerMarriage(body, serial);
      case "ga/marital-status-updates" -> SimulatedAnswer.ok(Map.of("updated", ids(body, "idNumbers").size()));
      case "ga/household-moves" -> householdMove(body, serial);
      case "ga/birth-registrations" -> birthRegistration(body, serial);
      case "wj/birth-certificates" -> SimulatedAnswer.ok(Map.of(
          "certificateNumber", "R33" + year() + String.format("%07d", serial)));
      case "wj/birth-planning-registrations" -> SimulatedAnswer.ok(Map.of(
          "registrationNumber", "SY3304" + year() + String.format("%06d", serial)));
      case "jk/vaccination-records" -> SimulatedAnswer.ok(Map.of(
          "recordNumber", "JZ3304" + year() + String.format("%06d", serial)));
      case "yb/enrolments" -> enrolment(body, serial);
      case "rs/card-applications" -> SimulatedAnswer.ok(Map.of(
          "applicationNumber", "SBK" + year() + String.format("%07d", serial)));
      default -> new SimulatedAnswer(404, Map.of("code", "NOT_FOUND",
          "message", "unknown operation " + department + "/" + operation));
    };
  }

  static boolean knows(String department, String operation) {
    if (VOIDS.equals(operation)) {
      return List.of("mz", "ga", "wj", "jk", "yb", "rs").contains(department);
    }
    return List.of("mz/marriage-status-checks", "mz/marriages", "ga/marital-status-updates", "ga/household-moves",
        "ga/birth-registrations", "wj/birth-certificates", "wj/birth-planning-registrations",
        "jk/vaccination-records", "yb/enrolments", "rs/card-applications").contains(department + "/" + operation);
  }

  /** The void contract of each operation: what undoing its effect means, or why it cannot be undone. */
  private record VoidContract(boolean hasEffect, boolean undoable, String message) {
  }

  static final String VOIDS = "voids";
  static final String VOIDED_CODE = "CASE_VOIDED";

  private static final Map<String, VoidContract> VOID_CONTRACTS = Map.of(
      "mz/marriage-status-checks", new VoidContract(false, true, "查询类事项，无需撤销"),
      "mz/marriages", new VoidContract(true, false,
          "结婚登记已完成，结婚证已生效，不能撤销；如需解除婚姻关系，须依法办理离婚登记或向人民法院起诉"),
      "ga/marital-status-updates", new VoidContract(true, true, "户籍婚姻状况变更已撤销"),
      "ga/household-moves", new VoidContract(true, true, "户口迁移登记已撤销"),
      "ga/birth-registrations", new VoidContract(true, false, "新生儿出生登记（落户）已完成，户口依法保留"),
      "wj/birth-certificates", new VoidContract(true, false, "出生医学证明已签发，依规定不能撤回，请妥善保管"),
      "wj/birth-planning-registrations", new VoidContract(true, true, "生育登记已撤销"),
      "jk/vaccination-records", new VoidContract(true, true, "预防接种证建档已撤销"),
      "yb/enrolments", new VoidContract(true, true, "城乡居民医保参保登记已撤销"),
      "rs/card-applications", new VoidContract(true, true, "社会保障卡申领已撤销"));

  /**
   * Voids the request with {@code key}: undone where its contract allows (the request is marked voided),
   * else its effect stands and the answer says why. A request that never arrived is remembered as
   * voided, so a late arrival is refused ({@value #VOIDED_CODE}) instead of done.
   */
  private SimulatedAnswer voidRequest(String department, String key) {
    var original = db.sql("select operation, status from sim_request where department = ? and idempotency_key = ?")
        .params(department, key).query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2)}).optional();
    if (original.isEmpty()) {
      try {
        db.sql("insert into sim_request (department, operation, idempotency_key, request_body, status, response_body,"
                + " times_asked, created_at, voided_at) values (?, ?, ?, '{}', 422, ?, 0, ?, ?)")
            .params(department, VOIDS, key, "{\"code\":\"" + VOIDED_CODE + "\",\"message\":\"该办件已撤销，本部门不再办理\"}",
                java.sql.Timestamp.from(clock.instant()), java.sql.Timestamp.from(clock.instant()))
            .update();
        return voidAnswer(true, false, "尚未办理，已登记撤销，此后到达的申请不予办理");
      } catch (org.springframework.dao.DuplicateKeyException e) {
        return voidRequest(department, key); // the request itself arrived just now: void what it did
      }
    }
    String operation = (String) original.get()[0];
    int status = (Integer) original.get()[1];
    VoidContract contract = VOID_CONTRACTS.get(department + "/" + operation);
    if (status != 200 || contract == null || !contract.hasEffect()) {
      return voidAnswer(true, false, contract != null && status == 200 ? contract.message() : "原申请未办理成功，无需撤销");
    }
    if (contract.undoable()) {
      db.sql("update sim_request set voided_at = coalesce(voided_at, ?) where department = ? and idempotency_key = ?")
          .params(java.sql.Timestamp.from(clock.instant()), department, key).update();
    }
    return voidAnswer(contract.undoable(), true, contract.message());
  }

  private static SimulatedAnswer voidAnswer(boolean undone, boolean hadEffect, String message) {
    return SimulatedAnswer.ok(Map.of("undone", undone, "hadEffect", hadEffect, "message", message));
  }

  private SimulatedAnswer marriageStatusCheck(List<String> ids) {
    for (String id : ids) {
      if (isMarried(id)) {
        return SimulatedAnswer.refused("ALREADY_MARRIED",
            "当事人（" + ResidentIdNumber.mask(id) + "）在全国婚姻信息库中有在婚登记记录，不予办理结婚登记");
      }
    }
    return SimulatedAnswer.ok(Map.of("checked", ids.size()));
  }

  private SimulatedAnswer registerMarriage(Map<String, Object> body, long serial) {
    String groom = text(body, "groomIdNumber");
    String bride = text(body, "brideIdNumber");
    SimulatedAnswer check = marriageStatusCheck(List.of(groom, bride));
    if (check.status() != 200) {
      return check;
    }
    String certificate = "J330400-" + year() + "-" + String.format("%06d", serial);
    for (String id : List.of(groom, bride)) {
      db.sql("insert into sim_marriage (id_number, certificate_number) values (?, ?)")
          .params(id, certificate).update();
    }
    return SimulatedAnswer.ok(Map.of("certificateNumber", certificate));
  }

  private SimulatedAnswer householdMove(Map<String, Object> body, long serial) {
    String host = text(body, "hostIdNumber");
    if (!hasHousehold(host)) {
      return SimulatedAnswer.refused("HOUSEHOLD_NOT_FOUND",
          "未找到投靠对象（" + ResidentIdNumber.mask(host) + "）的常住户口登记，无法办理户口迁移");
    }
    text(body, "moverIdNumber");
    return SimulatedAnswer.ok(Map.of("moveNumber", "QY3304" + year() + String.format("%06d", serial)));
  }

  private SimulatedAnswer birthRegistration(Map<String, Object> body, long serial) {
    String parent = text(body, "householdParentIdNumber");
    text(body, "birthCertificateNumber");
    if (!hasHousehold(parent)) {
      return SimulatedAnswer.refused("HOUSEHOLD_NOT_FOUND",
          "未找到随其落户的父/母（" + ResidentIdNumber.mask(parent) + "）的常住户口登记，无法办理出生登记");
    }
    LocalDate birth = LocalDate.parse(text(body, "childBirthDate"));
    boolean male = "M".equals(text(body, "childSex"));
    int sequence = (int) (serial % 499) * 2 + 2 + (male ? 1 : 0); // 002..999, odd = male
    String first17 = parent.substring(0, 6) + birth.toString().replace("-", "") + String.format("%03d", sequence);
    return SimulatedAnswer.ok(Map.of("childIdNumber", first17 + ResidentIdNumber.checkCharacter(first17)));
  }

  private SimulatedAnswer enrolment(Map<String, Object> body, long serial) {
    text(body, "childIdNumber");
    LocalDate birth = LocalDate.parse(text(body, "childBirthDate"));
    LocalDate today = LocalDate.now(clock);
    LocalDate benefitStart = ChronoUnit.DAYS.between(birth, today) <= 90
        ? birth
        : today.with(TemporalAdjusters.firstDayOfNextMonth());
    return SimulatedAnswer.ok(Map.of("enrolmentNumber", "YB3304" + year() + String.format("%06d", serial),
        "benefitStart", benefitStart.toString()));
  }

  private boolean isMarried(String id) {
    return id.length() == 18 && id.startsWith("99", 14)
        || db.sql("select count(*) from sim_marriage where id_number = ?").param(id).query(Integer.class).single() > 0;
  }

  private static boolean hasHousehold(String id) {
    return !(id.length() == 18 && id.startsWith("98", 14));
  }

  private int year() {
    return LocalDate.now(clock).getYear();
  }

  private static String text(Map<String, Object> body, String field) {
    Object v = body.get(field);
    if (v == null || v.toString().isBlank()) {
      throw new MissingFieldException(field);
    }
    return v.toString();
  }

  private static List<String> ids(Map<String, Object> body, String field) {
    if (!(body.get(field) instanceof List<?> list) || list.isEmpty()) {
      throw new MissingFieldException(field);
    }
    List<String> ids = new ArrayList<>();
    list.forEach(o -> ids.add(String.valueOf(o)));
    return ids;
  }

  static class MissingFieldException extends RuntimeException {
    MissingFieldException(String field) {
      super("missing field '" + field + "'");
    }
  }
}
