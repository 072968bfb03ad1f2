package cn.jiaxing.yijianshi.casefile.internal;

import cn.jiaxing.yijianshi.casefile.CaseStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JointCaseRepository extends JpaRepository<JointCase, Long> {

  Optional<JointCase> findByCaseNumber(String caseNumber);

  Optional<JointCase> findByOpenDuplicateKey(String openDuplicateKey);

  List<JointCase> findByStatusOrderByOpenedAt(CaseStatus status);

  /** Cases whose applicant's ID number ends with these digits (the masked number keeps its last four), newest first. */
  List<JointCase> findTop500ByApplicantIdMaskedEndingWithOrderByOpenedAtDesc(String lastDigits);

  List<JointCase> findByCaseNumberInOrderByOpenedAtDesc(java.util.Collection<String> caseNumbers);
}
