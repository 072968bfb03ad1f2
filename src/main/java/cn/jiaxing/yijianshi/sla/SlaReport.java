package cn.jiaxing.yijianshi.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly 督办 report: per process, department and step, over a period (days in the platform's zone, both
 * included), how many time limits were met and missed by the steps completed in it, how many steps were still
 * open past their limit at its end, and the average and 90th-percentile working time (hours, clock stops for
 * 补正 left out). Canceled steps (a withdrawn case) count in neither.
 */
@Component
public class SlaReport {

  /**
   * @param completed steps completed in the period
   * @param openOverdue steps still open at the period's end (or now, if earlier) past their limit
   * @param metRate share of the completed steps that met their limit (null without any)
   * @param medianHours, p90Hours the durations half and nine in ten of the completed steps stayed within (nearest rank)
   */
  public record Row(String processKey, String processName, String department, String departmentName, String stepId,
      String stepName, int completed, int met, int missed, int openOverdue, Double metRate, Double averageHours,
      Double medianHours, Double p90Hours) {
  }

  public record Report(LocalDate from, LocalDate to, Instant generatedAt, List<Row> rows) {
  }

  private final JdbcClient db;
  private final DepartmentNames names;
  private final RepositoryService repository;
  private final Clock clock;
  private final ZoneId zone;
  private final Map<String, String> processNames = new ConcurrentHashMap<>();

  SlaReport(JdbcClient db, DepartmentNames names, RepositoryService repository, Clock clock,
      @Value("${yijianshi.zone:Asia/Shanghai}") String zone) {
    this.db = db;
    this.names = names;
    this.repository = repository;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  private record Done(String processKey, String department, String stepId, String stepName, Instant started, Instant due,
      Instant completed, long pausedMillis) {
  }

  private static final class Group {
    final String processKey;
    final String department;
    final String stepId;
    String stepName;
    int met;
    int missed;
    int openOverdue;
    final List<Double> hours = new ArrayList<>();

    Group(String processKey, String department, String stepId, String stepName) {
      this.processKey = processKey;
      this.department = department;
      this.stepId = stepId;
      this.stepName = stepName;
    }
  }

  public Report report(LocalDate from, LocalDate to) {
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    Instant now = clock.instant();
    Instant cut = end.isBefore(now) ? end : now;
    Map<String, Group> groups = new LinkedHashMap<>();
    db.sql("select process_key, department, step_id, step_name, started_at, due_at, completed_at, paused_ms from sla_record"
            + " where completed_at >= ? and completed_at < ? and canceled = ?")
        .params(Timestamp.from(start), Timestamp.from(end), false)
        .query((rs, n) -> new Done(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getLong(8)))
        .list().forEach(d -> {
          Group g = group(groups, d.processKey(), d.department(), d.stepId(), d.stepName());
          if (d.completed().isAfter(d.due())) {
            g.missed++;
          } else {
            g.met++;
          }
          long millis = Math.max(0, d.completed().toEpochMilli() - d.started().toEpochMilli() - d.pausedMillis());
          g.hours.add(millis / 3_600_000.0);
        });
    db.sql("select process_key, department, step_id, step_name from sla_record where completed_at is null"
            + " and paused_since is null and due_at < ? and started_at < ?")
        .params(Timestamp.from(cut), Timestamp.from(end))
        .query((rs, n) -> group(groups, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list().forEach(g -> g.openOverdue++);
    List<Row> rows = groups.values().stream()
        .sorted(Comparator.comparing((Group g) -> g.processKey).thenComparing(g -> g.department == null ? "" : g.department)
            .thenComparing(g -> g.stepId))
        .map(this::row).toList();
    return new Report(from, to, now, rows);
  }

  private static Group group(Map<String, Group> groups, String processKey, String department, String stepId, String stepName) {
    Group g = groups.computeIfAbsent(processKey + "|" + department + "|" + stepId,
        k -> new Group(processKey, department, stepId, stepName));
    if (g.stepName == null) {
      g.stepName = stepName;
    }
    return g;
  }

  private Row row(Group g) {
    int completed = g.met + g.missed;
    List<Double> sorted = g.hours.stream().sorted().toList();
    Double average = sorted.isEmpty() ? null : round(sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    Double median = percentile(sorted, 0.5);
    Double p90 = percentile(sorted, 0.9);
    boolean isCase = SlaRecords.CASE_STEP.equals(g.stepId);
    // a step the model leaves unnamed is reported under its id
    String stepName = isCase ? "整体承诺时限" : g.stepName != null ? g.stepName : g.stepId;
    return new Row(g.processKey, processName(g.processKey), g.department,
        isCase ? "（整体承诺）" : names.of(g.department), g.stepId, stepName, completed, g.met, g.missed, g.openOverdue, completed == 0 ? null : round((double) g.met / completed), average, median, p90);
  }

  /** Nearest rank: the smallest duration at or above the given share of them; null without any. */
  private static Double percentile(List<Double> sorted, double share) {
    return sorted.isEmpty() ? null : round(sorted.get((int) Math.ceil(share * sorted.size()) - 1));
  }

  private String processName(String processKey) {
    return processNames.computeIfAbsent(processKey, k -> {
      var definition = repository.createProcessDefinitionQuery().processDefinitionKey(k).latestVersion().singleResult();
      return definition == null || definition.getName() == null ? k : definition.getName();
    });
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
