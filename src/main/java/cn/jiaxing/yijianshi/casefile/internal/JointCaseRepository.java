package cn.jiaxing.yijianshi.casefile.internal;

import cn.jiaxing.yijianshi.casefile.CaseStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JointCaseRepository extends JpaRepository<JointCase, Long> {

  Optional<JointCase> findByCaseNumber(String caseNumber);

  Optional<JointCase> findByOpenDuplicateKey(String openDuplicateKey);

  List<JointCase> findByStatusOrderByOpenedAt(CaseStatus status);
}
