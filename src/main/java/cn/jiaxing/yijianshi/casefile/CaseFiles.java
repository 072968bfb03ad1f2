package cn.jiaxing.yijianshi.casefile;

import cn.jiaxing.yijianshi.casefile.internal.JointCase;
import cn.jiaxing.yijianshi.casefile.internal.JointCaseRepository;
import cn.jiaxing.yijianshi.shared.DataProtection;
import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The joint cases (办件). Opening and closing always happen inside the engine's transaction
 * (called from process listeners), so the case row, its events and the process never disagree.
 */
@Service
public class CaseFiles {

  private static final Logger log = LoggerFactory.getLogger(CaseFiles.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private final JointCaseRepository cases;
  private final ApplicationEventPublisher events;
  private final CaseTypes types;
  private final Clock clock;
  private final DataProtection protection;

  CaseFiles(JointCaseRepository cases, ApplicationEventPublisher events, CaseTypes types, Clock clock,
      DataProtection protection) {
    this.protection = protection;
    this.types = types;
    this.cases = cases;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Opens a case and gives it its number (JX + type code + yyyyMMdd + 6-digit serial).
   *
   * @throws DuplicateCaseException when the same applicants already have an open case of this type
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String open(OpenCaseRequest request) {
    String duplicateKey = duplicateKey(request.type(), request.duplicateKeyParts());
    cases.findByOpenDuplicateKey(duplicateKey)
        .or(() -> cases.findByOpenDuplicateKey(legacyDuplicateKey(request.type(), request.duplicateKeyParts())))
        .ifPresent(existing -> {
          throw duplicate(existing.getCaseNumber());
        });
    JointCase c = new JointCase(request.type(), request.processInstanceId(), request.applicantName(),
        ResidentIdNumber.mask(request.applicantIdNumber()), blankToNull(request.applicantEmail()),
        duplicateKey, clock.instant(), request.dueAt());
    try {
      cases.saveAndFlush(c);
    } catch (DataIntegrityViolationException e) {
      // another node opened the same case between our check and our insert (unique open_duplicate_key)
      throw duplicate("刚刚受理");
    }
    LocalDate today = LocalDate.now(clock);
    c.assignCaseNumber("JX" + request.type().numberCode() + today.format(DAY) + String.format("%06d", c.getId()));
    if (request.applicantIdNumber() != null && !request.type().confidential()) {
      c.assignQueryFactor(queryFactor(c.getCaseNumber(), request.applicantIdNumber()));
    }
    cases.flush();
    log.info("Opened case {} ({}) for process instance {}", c.getCaseNumber(), request.type(),
        request.processInstanceId());
    events.publishEvent(new CaseOpened(c.getCaseNumber(), request.processInstanceId(), request.type(), c.getApplicantName(),
        c.getApplicantEmail(), c.getOpenedAt(), c.getDueAt()));
    return c.getCaseNumber();
  }

  /** Closes the case with its outcome; closing a case that is no longer open does nothing. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void close(String caseNumber, CaseStatus outcome, String reason, Map<String, String> results) {
    JointCase c = cases.findByCaseNumber(caseNumber)
        .orElseThrow(() -> new IllegalStateException("No case " + caseNumber));
    if (c.getStatus() != CaseStatus.OPEN) {
      return;
    }
    reason = ResidentIdNumber.maskAll(reason); // free text from clerks and departments
    c.close(outcome, reason, clock.instant());
    log.info("Closed case {} as {}", caseNumber, outcome);
    events.publishEvent(new CaseClosed(caseNumber, c.getProcessInstanceId(), types.byName(c.getType()), outcome, reason, results,
        c.getApplicantName(), c.getApplicantEmail(), c.getClosedAt()));
  }

  /**
   * Tells the applicant that a step needs them to act (e.g. materials a department lacks) while the case
   * goes on; nothing is sent for a case that is no longer open or has no applicant e-mail.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void askApplicant(String caseNumber, String step, String needed) {
    cases.findByCaseNumber(caseNumber).filter(c -> c.getStatus() == CaseStatus.OPEN).ifPresent(c -> {
      log.info("Case {}: the applicant is asked to act on {}", caseNumber, step);
      events.publishEvent(new ApplicantActionNeeded(caseNumber, types.byName(c.getType()), c.getApplicantName(),
          c.getApplicantEmail(), step, ResidentIdNumber.maskAll(needed)));
    });
  }

  /**
   * Tells the applicant a step's result at once (the case may go on, or have closed and be followed up,
   * e.g. a household's yearly re-check); nothing is sent without an applicant e-mail.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void inform(String caseNumber, String step, String result) {
    cases.findByCaseNumber(caseNumber).ifPresent(c -> {
      log.info("Case {}: the applicant is told the result of {}", caseNumber, step);
      events.publishEvent(new ApplicantInformed(caseNumber, types.byName(c.getType()), c.getApplicantName(),
          c.getApplicantEmail(), step, ResidentIdNumber.maskAll(result)));
    });
  }

  /** The case promise moved (时限中止 while the applicant supplements materials; a provisional due date recounted). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void moveDue(String caseNumber, java.time.Instant dueAt) {
    cases.findByCaseNumber(caseNumber).ifPresent(c -> c.moveDue(dueAt));
  }

  /** The applicant's second factor for the progress query: a keyed hash of the number and the ID's last six characters. */
  private String queryFactor(String caseNumber, String idNumberOrTail) {
    String v = idNumberOrTail.strip().toUpperCase(java.util.Locale.ROOT);
    return protection.hash(List.of("APPLICANT_QUERY", caseNumber, v.length() > 6 ? v.substring(v.length() - 6) : v));
  }

  /**
   * The case, when its applicant gives its number and the last six characters of the ID number given at intake;
   * empty for a wrong number, a wrong tail, or a case its applicant cannot query (a confidential one) — alike.
   */
  @Transactional(readOnly = true)
  public Optional<CaseSummary> findForApplicant(String caseNumber, String idTail) {
    if (caseNumber == null || idTail == null || !idTail.strip().matches("[0-9]{5}[0-9Xx]")) {
      return Optional.empty();
    }
    return cases.findByCaseNumber(caseNumber.strip()).filter(c -> c.getQueryFactor() != null
            && java.security.MessageDigest.isEqual(c.getQueryFactor().getBytes(StandardCharsets.UTF_8),
                queryFactor(c.getCaseNumber(), idTail).getBytes(StandardCharsets.UTF_8)))
        .map(this::summary);
  }

  @Transactional(readOnly = true)
  public Optional<CaseSummary> find(String caseNumber) {
    return cases.findByCaseNumber(caseNumber).map(this::summary);
  }

  /**
   * The front desk's search by applicant: the name (as given at intake, or one of a couple's) and the last four characters of the ID
   * number; at most 50 cases, newest first. Confidential cases are not searched (their applicant is a reporter).
   */
  @Transactional(readOnly = true)
  public List<CaseSummary> search(String applicantName, String idLastFour) {
    String name = applicantName.strip();
    return cases.findTop500ByApplicantIdMaskedEndingWithOrderByOpenedAtDesc(idLastFour.strip().toUpperCase(java.util.Locale.ROOT))
        .stream().filter(c -> isApplicant(name, c.getApplicantName())).map(this::summary)
        .filter(c -> !c.type().confidential()).limit(50).toList();
  }

  /** The name given at intake, or one of the names a case of two applicants holds ("张伟、王芳"). */
  private static boolean isApplicant(String name, String applicantName) {
    return applicantName != null && (name.equals(applicantName) || CaseIntake.applicantNames(applicantName).contains(name));
  }

  @Transactional(readOnly = true)
  public List<CaseSummary> findAll(java.util.Collection<String> caseNumbers) {
    return caseNumbers.isEmpty() ? List.of() : cases.findByCaseNumberInOrderByOpenedAtDesc(caseNumbers).stream()
        .map(this::summary).toList();
  }

  @Transactional(readOnly = true)
  public List<CaseSummary> findByStatus(CaseStatus status) {
    return cases.findByStatusOrderByOpenedAt(status).stream().map(this::summary).toList();
  }

  private CaseSummary summary(JointCase c) {
    return c.toSummary(types.byName(c.getType()));
  }

  private static DuplicateCaseException duplicate(String existing) {
    return new DuplicateCaseException("已有相同申请人的办件正在办理中（办件编号 " + existing
        + "），请勿重复提交；如需变更请先办结或撤回原办件");
  }

  /** The keyed hash of the case type and the applicants' identifying parts (in any order). */
  private String duplicateKey(CaseType type, List<String> parts) {
    List<String> all = new java.util.ArrayList<>();
    all.add(type.name());
    parts.stream().sorted().forEach(all::add);
    return protection.hash(all);
  }

  /** The unkeyed SHA-256 that cases opened before the keyed hash carry, until they close. */
  private static String legacyDuplicateKey(CaseType type, List<String> parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(type.name().getBytes(StandardCharsets.UTF_8));
      parts.stream().sorted().forEach(p -> sha.update(("|" + p).getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
