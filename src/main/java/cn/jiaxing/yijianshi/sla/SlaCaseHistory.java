package cn.jiaxing.yijianshi.sla;

import cn.jiaxing.yijianshi.casefile.CaseHistory;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The SLA events of a case as entries of its history (progress query): 时限中止, 恢复计时, 即将超期, 督办. */
@Component
class SlaCaseHistory implements CaseHistory {

  static final Map<String, String> LABELS = Map.of("PAUSED", "时限中止", "RESUMED", "恢复计时",
      "DUE_SOON", "即将超期提醒", "OVERDUE", "超期督办", "EXTENDED", "时限延长");

  private final SlaRecords records;

  SlaCaseHistory(SlaRecords records) {
    this.records = records;
  }

  @Override
  public List<Entry> entries(String processInstanceId) {
    return records.eventsForInstance(processInstanceId).stream()
        .map(e -> new Entry(e.createdAt(), e.stepId(), e.kind(), LABELS.getOrDefault(e.kind(), e.kind()), e.message()))
        .toList();
  }
}
