package cn.jiaxing.yijianshi.sla;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges per department at /actuator/prometheus: {@code yijianshi_sla_open_steps},
 * {@code yijianshi_sla_overdue_steps} (refreshed every scan interval); the breach counter
 * {@code yijianshi_sla_breaches_total} is counted by {@link SlaEscalation}.
 */
@Component
class SlaMetrics {

  private final SlaDashboard dashboard;
  private final MultiGauge open;
  private final MultiGauge overdue;

  SlaMetrics(SlaDashboard dashboard, MeterRegistry meters) {
    this.dashboard = dashboard;
    this.open = MultiGauge.builder("yijianshi.sla.open.steps").description("open SLA steps").register(meters);
    this.overdue = MultiGauge.builder("yijianshi.sla.overdue.steps").description("overdue SLA steps").register(meters);
  }

  @Scheduled(fixedDelayString = "${yijianshi.sla.scan-interval:PT1M}", initialDelayString = "${yijianshi.sla.scan-initial-delay:PT10S}")
  void refresh() {
    Map<String, int[]> byDepartment = new TreeMap<>();
    for (SlaDashboard.Row row : dashboard.summary(30).rows()) {
      int[] c = byDepartment.computeIfAbsent(row.department(), k -> new int[2]);
      c[0] += row.open();
      c[1] += row.overdue();
    }
    List<MultiGauge.Row<?>> openRows = new ArrayList<>();
    List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
    byDepartment.forEach((department, c) -> {
      openRows.add(MultiGauge.Row.of(Tags.of("department", department), c[0]));
      overdueRows.add(MultiGauge.Row.of(Tags.of("department", department), c[1]));
    });
    open.register(openRows, true);
    overdue.register(overdueRows, true);
  }
}
