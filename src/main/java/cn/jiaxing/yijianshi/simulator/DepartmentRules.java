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
          "registrationNumber", number("SY3304", serial)));
      case "jk/vaccination-records" -> SimulatedAnswer.ok(Map.of(
          "recordNumber", number("JZ3304", serial)));
      case "yb/enrolments" -> enrolment(body, serial);
      case "rs/card-applications" -> SimulatedAnswer.ok(Map.of(
          "applicationNumber", "SBK" + year() + String.format("%07d", serial)));
      case "wj/death-proofs" -> deathProof(body, text(body, "proofNumber"),
          "HOME".equals(text(body, "deathKind")) ? "嘉兴市南湖区社区卫生服务中心" : "嘉兴市第一医院");
      case "ga/death-proofs" -> deathProof(body, number("SW3304", serial), "嘉兴市公安局");
      case "ga/household-records" -> householdRecord(text(body, "idNumber"));
      case "ga/household-cancellations" -> householdCancellation(body, serial);
      case "mzjz/assistance-statuses" -> SimulatedAnswer.ok(Map.of("status", assistanceStatus(text(body, "idNumber"))));
      case "mzjz/allowance-stops" -> allowanceStop(body, serial);
      case "rs/pension-settlements" -> pensionSettlement(body, serial);
      case "yb/coverage-stops" -> SimulatedAnswer.ok(Map.of("stopNumber", number("YBZZ", serial),
          "coverageEnd", LocalDate.parse(text(body, "dateOfDeath")).toString(),
          "accountBalance", String.format("%d.%02d", 200 + serial % 5000, serial % 100)));
      case "cl/disability-card-cancellations" -> disabilityCardCancellation(body, serial);
      case "gjj/heir-withdrawals" -> heirWithdrawal(body, serial);
      case "yh/deposit-queries" -> depositQuery(body, serial);
      case "yh/small-sum-withdrawals" -> smallSumWithdrawal(body, serial);
      case "bdc/holdings-queries" -> holdings(text(body, "idNumber"), serial);
      case "jg/driving-licence-cancellations" -> drivingLicenceCancellation(body, serial);
      case "jg/vehicle-transfers" -> vehicleTransfer(body, serial);
      case "zq/inheritance-transfers" -> securitiesTransfer(body, serial);
      case "bx/death-claims" -> deathClaim(body, serial);
      case "ga/household-economic-facts", "rs/household-economic-facts", "bdc/household-economic-facts",
          "scjg/household-economic-facts", "sw/household-economic-facts", "gjj/household-economic-facts",
          "yh/household-economic-facts" -> economicFacts(department, body, serial);
      case "mzjz/assistance-grants" -> assistanceGrant(body, serial);
      case "fy/protection-order-applications" -> courtFiling(body, List.of("policeCaseNumber", "urgent"), "applicationNumber",
          number("BHL3304", serial));
      case "fy/guardianship-suits" -> courtFiling(body, List.of("policeCaseNumber", "adviceNumber"), "suitNumber",
          "(" + year() + ")浙04民特" + serial + "号");
      case "mzjz/assistance-stops" -> unlessCoded(body, -1, -1, "", "", List.of("grantNumber", "effectiveFrom"),
          () -> Map.of("stopNumber", number("JZTF", serial)));
      default -> new SimulatedAnswer(404, Map.of("code", "NOT_FOUND",
          "message", "unknown operation " + department + "/" + operation));
    };
  }

  static boolean knows(String department, String operation) {
    if (VOIDS.equals(operation)) {
      return VOID_CONTRACTS.keySet().stream().anyMatch(k -> k.startsWith(department + "/"));
    }
    return VOID_CONTRACTS.containsKey(department + "/" + operation);
  }

  /** The void contract of each operation: what undoing its effect means, or why it cannot be undone. */
  private record VoidContract(boolean hasEffect, boolean undoable, String message) {
  }

  static final String VOIDS = "voids";
  static final String VOIDED_CODE = "CASE_VOIDED";

  private static final Map<String, VoidContract> VOID_CONTRACTS = Map.ofEntries(
      Map.entry("mz/marriage-status-checks", new VoidContract(false, true, "查询类事项，无需撤销")),
      Map.entry("mz/marriages", new VoidContract(true, false,
          "结婚登记已完成，结婚证已生效，不能撤销；如需解除婚姻关系，须依法办理离婚登记或向人民法院起诉")),
      Map.entry("ga/marital-status-updates", new VoidContract(true, true, "户籍婚姻状况变更已撤销")),
      Map.entry("ga/household-moves", new VoidContract(true, true, "户口迁移登记已撤销")),
      Map.entry("ga/birth-registrations", new VoidContract(true, false, "新生儿出生登记（落户）已完成，户口依法保留")),
      Map.entry("wj/birth-certificates", new VoidContract(true, false, "出生医学证明已签发，依规定不能撤回，请妥善保管")),
      Map.entry("wj/birth-planning-registrations", new VoidContract(true, true, "生育登记已撤销")),
      Map.entry("jk/vaccination-records", new VoidContract(true, true, "预防接种证建档已撤销")),
      Map.entry("yb/enrolments", new VoidContract(true, true, "城乡居民医保参保登记已撤销")),
      Map.entry("rs/card-applications", new VoidContract(true, true, "社会保障卡申领已撤销")),
      Map.entry("wj/death-proofs", new VoidContract(false, true, "核验类事项，无需撤销")),
      Map.entry("ga/death-proofs", new VoidContract(false, true, "核验类事项，无需撤销")),
      Map.entry("ga/household-records", new VoidContract(false, true, "查询类事项，无需撤销")),
      Map.entry("ga/household-cancellations", new VoidContract(true, false,
          "户口已注销，依规定不能撤销；如注销有误，请持相关证明到户籍窗口申请恢复户口")),
      Map.entry("mzjz/assistance-statuses", new VoidContract(false, true, "查询类事项，无需撤销")),
      Map.entry("mzjz/allowance-stops", new VoidContract(true, true, "待遇停发已撤销")),
      Map.entry("rs/pension-settlements", new VoidContract(true, true, "养老金结算已撤销，款项未发放")),
      Map.entry("yb/coverage-stops", new VoidContract(true, true, "医保关系终止已撤销，个人账户未结算")),
      Map.entry("cl/disability-card-cancellations", new VoidContract(true, true, "残疾人证注销已撤销")),
      Map.entry("gjj/heir-withdrawals", new VoidContract(true, false, "住房公积金已转入继承人账户，不能撤销")),
      Map.entry("yh/deposit-queries", new VoidContract(false, true, "查询类事项，无需撤销")),
      Map.entry("yh/small-sum-withdrawals", new VoidContract(true, false, "存款已支取并转入继承人账户，不能撤销")),
      Map.entry("bdc/holdings-queries", new VoidContract(false, true, "查询类事项，无需撤销")),
      Map.entry("jg/driving-licence-cancellations", new VoidContract(true, false,
          "机动车驾驶证已注销，依规定不能撤销")),
      Map.entry("jg/vehicle-transfers", new VoidContract(true, true, "机动车转移登记已撤销")),
      Map.entry("zq/inheritance-transfers", new VoidContract(true, true, "证券非交易过户申请已撤销")),
      Map.entry("bx/death-claims", new VoidContract(true, true, "身故理赔申请已撤回")),
      Map.entry("ga/household-economic-facts", new VoidContract(false, true, "核对查询，无需撤销")),
      Map.entry("rs/household-economic-facts", new VoidContract(false, true, "核对查询，无需撤销")),
      Map.entry("bdc/household-economic-facts", new VoidContract(false, true, "核对查询，无需撤销")),
      Map.entry("scjg/household-economic-facts", new VoidContract(false, true, "核对查询，无需撤销")),
      Map.entry("sw/household-economic-facts", new VoidContract(false, true, "核对查询，无需撤销")),
      Map.entry("gjj/household-economic-facts", new VoidContract(false, true, "核对查询，无需撤销")),
      Map.entry("yh/household-economic-facts", new VoidContract(false, true, "核对查询，无需撤销")),
      Map.entry("mzjz/assistance-grants", new VoidContract(true, true, "救助金发放登记已撤销，款项未发放")),
      Map.entry("mzjz/assistance-stops", new VoidContract(true, true, "救助金停发已撤销")),
      Map.entry("fy/protection-order-applications", new VoidContract(true, true, "人身安全保护令申请已撤回")),
      Map.entry("fy/guardianship-suits", new VoidContract(true, true, "撤销监护人资格诉讼已撤诉")));

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
    // a step may ask more than once, under sub-keys of its key (e.g. a bank's query, then key:withdrawal):
    // its void covers each of them; what one of them did that cannot be undone stands
    List<Object[]> asked = db.sql("select operation, status, idempotency_key from sim_request where department = ?"
            + " and (idempotency_key = ? or idempotency_key like ?) and operation <> ? order by id")
        .params(department, key, key.replace("%", "") + ":%", VOIDS)
        .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3)}).list();
    String stands = null;
    String undone = null;
    for (Object[] request : asked) {
      String asKey = (String) request[2];
      if (asKey.length() > key.length() && asKey.substring(key.length() + 1).matches("\\d+(:.*)?")) {
        continue; // the step's next occurrence (key:2), voided on its own
      }
      VoidContract contract = VOID_CONTRACTS.get(department + "/" + request[0]);
      if ((Integer) request[1] != 200 || contract == null || !contract.hasEffect()) {
        continue;
      }
      if (contract.undoable()) {
        db.sql("update sim_request set voided_at = coalesce(voided_at, ?) where department = ? and idempotency_key = ?")
            .params(java.sql.Timestamp.from(clock.instant()), department, request[2]).update();
        undone = undone == null ? contract.message() : undone;
      } else {
        stands = stands == null ? contract.message() : stands;
      }
    }
    if (stands != null) {
      return voidAnswer(false, true, stands);
    }
    if (undone != null) {
      return voidAnswer(true, true, undone);
    }
    String operation = (String) original.get()[0];
    VoidContract contract = VOID_CONTRACTS.get(department + "/" + operation);
    return voidAnswer(true, false, contract != null && (Integer) original.get()[1] == 200 ? contract.message()
        : "原申请未办理成功，无需撤销");
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
    return SimulatedAnswer.ok(Map.of("moveNumber", number("QY3304", serial)));
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
    return SimulatedAnswer.ok(Map.of("enrolmentNumber", number("YB3304", serial),
        "benefitStart", benefitStart.toString()));
  }

  /** 死亡证明: not confirmed for a deceased whose ID sequence code (digits 15–17) is 970–979. */
  private SimulatedAnswer deathProof(Map<String, Object> body, String proofNumber, String issuer) {
    String id = text(body, "deceasedIdNumber");
    text(body, "dateOfDeath");
    if (sequence(id) >= 970 && sequence(id) <= 979) {
      return SimulatedAnswer.refused("DEATH_NOT_CONFIRMED",
          "未查询到逝者（" + ResidentIdNumber.mask(id) + "）的死亡证明信息，请核对证明编号或到出具机构补报");
    }
    return SimulatedAnswer.ok(Map.of("proofNumber", proofNumber, "issuer", issuer));
  }

  private static SimulatedAnswer householdRecord(String id) {
    return SimulatedAnswer.ok(Map.of("found", hasHousehold(id), "zhejiangHousehold", hasHousehold(id) && id.startsWith("33")));
  }

  private SimulatedAnswer householdCancellation(Map<String, Object> body, long serial) {
    String id = text(body, "idNumber");
    text(body, "deathProofNumber");
    if (!hasHousehold(id)) {
      return SimulatedAnswer.refused("HOUSEHOLD_NOT_FOUND",
          "未查询到逝者（" + ResidentIdNumber.mask(id) + "）的常住户口登记，无需注销");
    }
    return SimulatedAnswer.ok(Map.of("cancellationNumber", number("HKZX3304", serial)));
  }

  /** 低保 for sequence codes 930–939, 特困 for 940–949, else none. */
  private static String assistanceStatus(String id) {
    int seq = sequence(id);
    return seq >= 930 && seq <= 939 ? "DIBAO" : seq >= 940 && seq <= 949 ? "TEKUN" : "NONE";
  }

  /** What stops: 低保 or 特困 (as above), and 高龄津贴 for anyone 80 or older; else NO_ALLOWANCE. */
  private SimulatedAnswer allowanceStop(Map<String, Object> body, long serial) {
    String id = text(body, "idNumber");
    text(body, "effectiveFrom");
    List<String> stopped = new ArrayList<>();
    switch (assistanceStatus(id)) {
      case "DIBAO" -> stopped.add("最低生活保障金");
      case "TEKUN" -> stopped.add("特困人员救助供养金");
      default -> { }
    }
    if (id.length() == 18 && LocalDate.parse(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14))
        .plusYears(80).isBefore(LocalDate.now(clock).plusDays(1))) {
      stopped.add("高龄津贴");
    }
    if (stopped.isEmpty()) {
      return SimulatedAnswer.refused("NO_ALLOWANCE", "逝者生前未在民政部门享受低保、特困供养或高龄津贴");
    }
    return SimulatedAnswer.ok(Map.of("stopNumber", number("MZTF", serial),
        "stopped", String.join("、", stopped)));
  }

  /** No pension record for sequence codes 950–959. */
  private SimulatedAnswer pensionSettlement(Map<String, Object> body, long serial) {
    return unlessCoded(body, 950, 959, "NO_PENSION_RECORD", "逝者在本市无养老保险参保记录", List.of("heirIdNumber"),
        () -> Map.of("settlementNumber", number("YLJS", serial), "funeralGrant", "5000.00",
            "survivorBenefit", String.format("%d.00", 20000 + serial % 10000),
            "accountBalance", String.format("%d.%02d", 1000 + serial % 30000, serial % 100)));
  }


  /** A 残疾人证 exists only for sequence codes 900–929. */
  private SimulatedAnswer disabilityCardCancellation(Map<String, Object> body, long serial) {
    String id = text(body, "idNumber");
    text(body, "effectiveFrom");
    if (sequence(id) < 900 || sequence(id) > 929) {
      return SimulatedAnswer.refused("NO_DISABILITY_CARD", "未查询到逝者的残疾人证");
    }
    return SimulatedAnswer.ok(Map.of("cancellationNumber", number("CJZX", serial)));
  }

  /** No housing fund account for sequence codes 960–969. */
  private SimulatedAnswer heirWithdrawal(Map<String, Object> body, long serial) {
    return unlessCoded(body, 960, 969, "NO_ACCOUNT", "逝者在本中心无住房公积金账户", List.of("heirIdNumber"),
        () -> Map.of("withdrawalNumber", number("GJJTQ", serial),
            "amount", String.format("%d.%02d", 3000 + serial % 50000, serial % 100)));
  }


  /** The small-sum limit the simulated banks hold to (金规〔2024〕6号): 50,000 yuan per bank. */
  static final java.math.BigDecimal SMALL_SUM_LIMIT = new java.math.BigDecimal("50000");

  /**
   * No account at any bank for sequence codes 700–719; deposits over the small-sum limit for 720–739;
   * otherwise 1–3 accounts holding 1,000–40,999 yuan in all at each bank.
   */
  private SimulatedAnswer depositQuery(Map<String, Object> body, long serial) {
    String id = text(body, "idNumber");
    String bank = text(body, "bank");
    text(body, "applicantIdNumber");
    text(body, "relationship");
    text(body, "deathProofNumber");
    int seq = sequence(id);
    if (seq >= 700 && seq <= 719) {
      return SimulatedAnswer.refused("NO_ACCOUNT", "逝者在本行（" + bank + "）无存款账户");
    }
    long yuan = seq >= 720 && seq <= 739 ? 80_000 + serial % 20_000 : 1_000 + (serial * 7919 + seq) % 40_000;
    return SimulatedAnswer.ok(Map.of("queryNumber", number("CKCX", serial),
        "accounts", 1 + (int) (serial % 3), "balance", yuan + "." + String.format("%02d", serial % 100)));
  }

  /** Pays out up to the small-sum limit; more is refused (the bank's own check of the same limit). */
  private SimulatedAnswer smallSumWithdrawal(Map<String, Object> body, long serial) {
    text(body, "bank");
    text(body, "idNumber");
    text(body, "heirIdNumber");
    java.math.BigDecimal amount = new java.math.BigDecimal(text(body, "amount"));
    if (amount.signum() <= 0 || amount.compareTo(SMALL_SUM_LIMIT) > 0) {
      return SimulatedAnswer.refused("OVER_LIMIT", "支取金额超过已故存款人小额存款免公证支取限额（5万元），请办理继承公证后支取");
    }
    return SimulatedAnswer.ok(Map.of("withdrawalNumber", number("XEZQ", serial),
        "amount", amount.toPlainString()));
  }

  /** No real estate for sequence codes 740–759; otherwise one or two properties. */
  private SimulatedAnswer holdings(String id, long serial) {
    int seq = sequence(id);
    int count = seq >= 740 && seq <= 759 ? 0 : 1 + (int) (serial % 2);
    List<String> holdings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      holdings.add("嘉兴市南湖区中山东路" + (100 + (serial + i) % 800) + "号" + (i + 1) + "幢"
          + "（浙(" + (year() - 10 - i) + ")嘉兴市不动产权第" + String.format("%07d", serial * 3 + i) + "号）");
    }
    return SimulatedAnswer.ok(Map.of("queryNumber", number("BDCCX", serial), "count", count,
        "holdings", String.join("；", holdings)));
  }

  /** No driving licence and no vehicle for sequence codes 760–779. */
  private SimulatedAnswer drivingLicenceCancellation(Map<String, Object> body, long serial) {
    return unlessCoded(body, 760, 779, "NO_LICENCE", "逝者未持有机动车驾驶证", List.of("dateOfDeath"),
        () -> Map.of("cancellationNumber", number("JSZZX", serial)));
  }


  private SimulatedAnswer vehicleTransfer(Map<String, Object> body, long serial) {
    return unlessCoded(body, 760, 779, "NO_VEHICLE", "逝者名下无登记的机动车", List.of("heirIdNumber"),
        () -> Map.of("transferNumber", number("JDCZY", serial),
            "plates", "浙F·" + (char) ('A' + serial % 26) + String.format("%04d", serial % 10_000)));
  }


  /** No securities account for sequence codes 780–789. */
  private SimulatedAnswer securitiesTransfer(Map<String, Object> body, long serial) {
    return unlessCoded(body, 780, 789, "NO_SECURITIES_ACCOUNT", "逝者无证券账户", List.of("heirIdNumber"),
        () -> Map.of("transferNumber", number("FJYGH", serial), "accounts", 1 + (int) (serial % 2)));
  }


  /** No policy in force for sequence codes 790–799. */
  private SimulatedAnswer deathClaim(Map<String, Object> body, long serial) {
    return unlessCoded(body, 790, 799, "NO_POLICY", "未查询到逝者作为被保险人的有效保单",
        List.of("dateOfDeath", "beneficiaryIdNumber", "deathProofNumber"),
        () -> Map.of("claimNumber", number("SGLP", serial), "policies", 1 + (int) (serial % 3)));
  }

  /**
   * 家庭经济状况核对: what each source holds about the household of {@code idNumbers} (the applicant first).
   * By the applicant's sequence code: 800–819 wages and taxable income well above the 低保 line; 820–829 a
   * car (公安) and a registered business (市场监管); 840–849 deposits of 300,000 yuan; otherwise a small
   * pension (人社 600 yuan a month), the family home (不动产) and a few thousand yuan at the bank.
   */
  private static SimulatedAnswer economicFacts(String source, Map<String, Object> body, long serial) {
    List<String> ids = ids(body, "idNumbers");
    text(body, "authorizationNumber");
    int seq = sequence(ids.get(0));
    boolean earning = seq >= 800 && seq <= 819;
    boolean owning = seq >= 820 && seq <= 829;
    boolean saving = seq >= 840 && seq <= 849;
    long income = 0;
    long assets = 0;
    int vehicles = 0;
    int properties = 0;
    int businesses = 0;
    String summary;
    switch (source) {
      case "ga" -> {
        vehicles = owning ? 1 : 0;
        summary = "户籍登记 " + ids.size() + " 人；家庭成员名下登记机动车 " + vehicles + " 辆";
      }
      case "rs" -> {
        income = earning ? 2_600L * ids.size() : 600;
        summary = earning ? "家庭成员在职参保，月工资收入合计 " + income + " 元" : "1 人领取城乡居民基本养老金，月 600 元";
      }
      case "bdc" -> {
        properties = 1;
        summary = "家庭成员名下住房 1 套（自住）";
      }
      case "scjg" -> {
        businesses = owning ? 1 : 0;
        summary = owning ? "家庭成员登记个体工商户 1 户（存续）" : "未查询到家庭成员登记的市场主体";
      }
      case "sw" -> {
        income = earning ? 1_000 : 0;
        summary = earning ? "上年度经营所得等应税收入 12000 元（折合月 1000 元）" : "未查询到家庭成员的应税收入";
      }
      case "gjj" -> {
        assets = earning ? 18_000 : 0;
        summary = earning ? "住房公积金账户余额 18000 元" : "未查询到家庭成员的住房公积金账户";
      }
      default -> {
        assets = saving ? 300_000 : 2_000 + serial % 6_000;
        summary = "家庭成员在嘉银行存款合计 " + assets + " 元";
      }
    }
    return SimulatedAnswer.ok(Map.of("summary", summary, "monthlyIncome", String.valueOf(income),
        "assets", String.valueOf(assets), "vehicles", vehicles, "properties", properties, "businesses", businesses));
  }

  /** A court filing: the fields must be there; the court answers with its number (its decision comes later). */
  private static SimulatedAnswer courtFiling(Map<String, Object> body, List<String> required, String field, String number) {
    required.forEach(f -> text(body, f));
    return SimulatedAnswer.ok(Map.of(field, number));
  }

  /** Registers an approved household's payment (民政 社会救助): category DIBAO or TEKUN, an amount above zero. */
  private SimulatedAnswer assistanceGrant(Map<String, Object> body, long serial) {
    text(body, "idNumber");
    text(body, "householdSize");
    LocalDate.parse(text(body, "paymentFrom"));
    String category = text(body, "category");
    java.math.BigDecimal amount = new java.math.BigDecimal(text(body, "monthlyAmount"));
    if (!List.of("DIBAO", "TEKUN").contains(category) || amount.signum() <= 0) {
      return SimulatedAnswer.badRequest("category must be DIBAO or TEKUN and monthlyAmount above zero");
    }
    return SimulatedAnswer.ok(Map.of("grantNumber", number(category.equals("DIBAO") ? "DB3304" : "TK3304", serial)));
  }

  /**
   * A matter of the deceased ({@code idNumber}) every department holds but for the sequence codes
   * {@code from}–{@code to}, which it refuses with {@code code}; the other fields must be there.
   */
  private static SimulatedAnswer unlessCoded(Map<String, Object> body, int from, int to, String code, String message,
      List<String> required, java.util.function.Supplier<Map<String, Object>> answer) {
    String id = text(body, "idNumber");
    required.forEach(field -> text(body, field));
    if (sequence(id) >= from && sequence(id) <= to) {
      return SimulatedAnswer.refused(code, message);
    }
    return SimulatedAnswer.ok(answer.get());
  }

  /** A department's document number: prefix, year, the request's serial. */
  private String number(String prefix, long serial) {
    return prefix + year() + String.format("%06d", serial);
  }


  /** The ID's sequence code (digits 15–17), or -1 for a malformed number. */
  private static int sequence(String id) {
    return id.length() == 18 && id.substring(14, 17).chars().allMatch(Character::isDigit)
        ? Integer.parseInt(id.substring(14, 17)) : -1;
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
