package cn.jiaxing.yijianshi.casefile.internal;

import cn.jiaxing.yijianshi.casefile.CaseStatus;
import cn.jiaxing.yijianshi.casefile.CaseSummary;
import cn.jiaxing.yijianshi.casefile.CaseType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One joint case (办件). The applicant's ID number is kept masked only. */
@Entity
@Table(name = "case_file")
public class JointCase {

  static final String APPLICANT_NAME = "case_file.applicant_name";
  static final String APPLICANT_EMAIL = "case_file.applicant_email";
  static final String OUTCOME_REASON = "case_file.outcome_reason";
  /** The columns sealed at rest (each value's associated data names its column). */
  public static final java.util.List<String> SEALED_COLUMNS = java.util.List.of(APPLICANT_NAME, APPLICANT_EMAIL,
      OUTCOME_REASON);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number", unique = true, length = 32)
  private String caseNumber;

  /** A {@link CaseType#name()}. */
  @Column(name = "case_type", nullable = false, length = 40)
  private String type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CaseStatus status;

  @Column(name = "process_instance_id", nullable = false, length = 64)
  private String processInstanceId;

  @Column(name = "applicant_name", length = 1000)
  @Convert(converter = SealedColumn.ApplicantName.class)
  private String applicantName;

  @Column(name = "query_factor", length = 64)
  private String queryFactor;

  @Column(name = "applicant_id_masked", length = 32)
  private String applicantIdMasked;

  @Column(name = "applicant_email", length = 1000)
  @Convert(converter = SealedColumn.ApplicantEmail.class)
  private String applicantEmail;

  /** Hash of the applicants' identity; set while the case is open, so a unique index refuses duplicates. */
  @Column(name = "open_duplicate_key", unique = true, length = 64)
  private String openDuplicateKey;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "outcome_reason", length = 3000)
  @Convert(converter = SealedColumn.OutcomeReason.class)
  private String outcomeReason;

  @Version
  private int version;

  protected JointCase() {
  }

  public JointCase(CaseType type, String processInstanceId, String applicantName, String applicantIdMasked,
      String applicantEmail, String openDuplicateKey, Instant openedAt, Instant dueAt) {
    this.type = type.name();
    this.status = CaseStatus.OPEN;
    this.processInstanceId = processInstanceId;
    this.applicantName = applicantName;
    this.applicantIdMasked = applicantIdMasked;
    this.applicantEmail = applicantEmail;
    this.openDuplicateKey = openDuplicateKey;
    this.openedAt = openedAt;
    this.dueAt = dueAt;
  }

  public void assignCaseNumber(String caseNumber) {
    this.caseNumber = caseNumber;
  }

  /** The keyed hash the applicant's progress query must match (see CaseFiles.queryFactor). */
  public void assignQueryFactor(String queryFactor) {
    this.queryFactor = queryFactor;
  }

  public String getQueryFactor() {
    return queryFactor;
  }

  public void close(CaseStatus outcome, String reason, Instant at) {
    this.status = outcome;
    this.outcomeReason = reason != null && reason.length() > 500 ? reason.substring(0, 500) : reason;
    this.closedAt = at;
    this.openDuplicateKey = null;
  }

  public void moveDue(Instant dueAt) {
    this.dueAt = dueAt;
  }

  public CaseSummary toSummary(CaseType type) {
    return new CaseSummary(caseNumber, type, status, processInstanceId, applicantName, applicantIdMasked,
        openedAt, dueAt, closedAt, outcomeReason);
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getType() {
    return type;
  }

  public CaseStatus getStatus() {
    return status;
  }

  public String getApplicantName() {
    return applicantName;
  }

  public String getApplicantEmail() {
    return applicantEmail;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
