package cn.jiaxing.yijianshi.casefile.internal;

import cn.jiaxing.yijianshi.casefile.CaseStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The case files. The lookups every case makes several times (by number, and by duplicate key at opening) are
 * written out in JPQL: Hibernate keeps a JPQL query's translation, where a query derived from the method's name is
 * built as a criteria query and translated again on every call (README, <i>Performance</i>).
 */
public interface JointCaseRepository extends JpaRepository<JointCase, Long> {

  @Query("select c from JointCase c where c.caseNumber = :caseNumber")
  Optional<JointCase> findByCaseNumber(@Param("caseNumber") String caseNumber);

  @Query("select c from JointCase c where c.openDuplicateKey = :key")
  Optional<JointCase> findByOpenDuplicateKey(@Param("key") String openDuplicateKey);

  List<JointCase> findByStatusOrderByOpenedAt(CaseStatus status);

  /** Cases whose applicant's ID number ends with these digits (the masked number keeps its last four), newest first. */
  List<JointCase> findTop500ByApplicantIdMaskedEndingWithOrderByOpenedAtDesc(String lastDigits);

  List<JointCase> findByCaseNumberInOrderByOpenedAtDesc(java.util.Collection<String> caseNumbers);
}
