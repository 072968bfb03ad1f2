package cn.jiaxing.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.ProcessTestSupport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The 督办 report's figures over a period, and its spreadsheet as a spreadsheet program reads it. */
class SlaReportTests extends ProcessTestSupport {

  private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
  private static final String PROCESS = "ReportFixtureProcess";

  @Autowired SlaReport report;
  @Autowired JdbcClient jdbc;

  /** The fixture's records leave with it (other tests count open and overdue records). */
  @org.junit.jupiter.api.AfterEach
  void removeRecords() {
    jdbc.sql("delete from sla_record where process_key = ?").param(PROCESS).update();
  }

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SH).toInstant();
  }

  /** A step record: started, due, completed (null: open), paused for a while, canceled or not. */
  private void record(String stepId, String department, Instant started, Instant due, Instant completed, long pausedMs,
      boolean canceled) {
    record(stepId, "核对" + stepId, department, started, due, completed, pausedMs, canceled);
  }

  private void record(String stepId, String stepName, String department, Instant started, Instant due, Instant completed,
      long pausedMs, boolean canceled) {
    jdbc.sql("insert into sla_record (process_instance_id, case_number, process_key, step_id, step_name, department,"
            + " policy, started_at, warn_at, due_at, completed_at, canceled, paused_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(java.util.UUID.randomUUID().toString(), "JXTS" + System.nanoTime() % 100000, PROCESS, stepId, stepName,
            department, "5WD", Timestamp.from(started), Timestamp.from(started), Timestamp.from(due),
            completed == null ? null : Timestamp.from(completed), canceled, pausedMs)
        .update();
  }

  @Test
  void countsMetMissedAndStillOverdueStepsWithAverageAndNinetiethPercentileHours() throws Exception {
    Instant start = at("2026-03-02T09:00");
    Instant due = at("2026-03-06T23:59:59");
    // ten completions of Task_A at mz in March: 1..10 hours of work, the last two after the limit
    for (int h = 1; h <= 10; h++) {
      Instant done = h <= 8 ? start.plus(Duration.ofHours(h)) : due.plus(Duration.ofHours(h));
      record("Task_A", "mz", h <= 8 ? start : done.minus(Duration.ofHours(h)), due, done, 0, false);
    }
    // a 补正 stop is not working time: 30 hours from start to end, 20 of them paused
    record("Task_B", "ga", start, due, start.plus(Duration.ofHours(30)), Duration.ofHours(20).toMillis(), false);
    // canceled: counted nowhere; completed in April: outside the period
    record("Task_B", "ga", start, due, start.plus(Duration.ofHours(1)), 0, true);
    record("Task_B", "ga", start, due, at("2026-04-02T10:00"), 0, false);
    // open and past its limit at the end of March: still overdue
    record("Task_B", "ga", start, due, null, 0, false);

    SlaReport.Report r = report.report(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    var a = r.rows().stream().filter(x -> x.processKey().equals(PROCESS) && x.stepId().equals("Task_A")).findFirst().orElseThrow();
    assertThat(a.completed()).isEqualTo(10);
    assertThat(a.met()).isEqualTo(8);
    assertThat(a.missed()).isEqualTo(2);
    assertThat(a.metRate()).isEqualTo(0.8);
    assertThat(a.averageHours()).isEqualTo(5.5);
    assertThat(a.p90Hours()).isEqualTo(9.0);
    assertThat(a.medianHours()).isEqualTo(5.0);
    assertThat(a.departmentName()).isEqualTo("民政局（婚姻登记）");
    var b = r.rows().stream().filter(x -> x.processKey().equals(PROCESS) && x.stepId().equals("Task_B")).findFirst().orElseThrow();
    assertThat(b.completed()).isEqualTo(1);
    assertThat(b.averageHours()).isEqualTo(10.0);
    assertThat(b.openOverdue()).isEqualTo(1);

    // the spreadsheet holds the same figures
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SlaReportWorkbook.write(r, out);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      var sheet = book.getSheet("时限统计");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("时限统计：2026-03-01 至 2026-03-31");
      assertThat(sheet.getRow(1).getCell(9).getStringCellValue()).isEqualTo("90%用时（小时）");
      var rowA = java.util.stream.IntStream.rangeClosed(2, sheet.getLastRowNum()).mapToObj(sheet::getRow)
          .filter(row -> row.getCell(2).getStringCellValue().equals("核对Task_A")).findFirst().orElseThrow();
      assertThat(rowA.getCell(1).getStringCellValue()).isEqualTo("民政局（婚姻登记）");
      assertThat(rowA.getCell(3).getNumericCellValue()).isEqualTo(10);
      assertThat(rowA.getCell(5).getNumericCellValue()).isEqualTo(2);
      assertThat(rowA.getCell(7).getNumericCellValue()).isEqualTo(0.8);
      assertThat(rowA.getCell(9).getNumericCellValue()).isEqualTo(9.0);
    }
  }

  @Test
  void aStepWithoutANameInTheModelIsReportedUnderItsId() {
    Instant start = at("2026-05-04T09:00");
    record("Event_Wait", null, "fy", start, at("2026-05-06T09:00"), start.plus(Duration.ofHours(2)), 0, false);
    SlaReport.Report r = report.report(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31));
    var row = r.rows().stream().filter(x -> x.processKey().equals(PROCESS) && x.stepId().equals("Event_Wait")).findFirst()
        .orElseThrow();
    assertThat(row.stepName()).isEqualTo("Event_Wait");
    assertThat(row.met()).isEqualTo(1);
  }
}
