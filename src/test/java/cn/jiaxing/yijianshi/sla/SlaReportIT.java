package cn.jiaxing.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The supervisor downloads the 督办 report; the spreadsheet says what the API says. */
class SlaReportIT extends FullStackTestSupport {

  @Test
  void theSpreadsheetHoldsTheApisFiguresAndBadPeriodsAreRefusedInChinese() throws Exception {
    String today = TestPeople.today().toString();
    String from = TestPeople.today().minusDays(30).toString();
    JsonNode report = get("dubang", "/api/sla/report?from={f}&to={t}", from, today).getBody();
    var xlsx = as("dubang").get().uri("/api/sla/report.xlsx?from={f}&to={t}", from, today).retrieve().toEntity(byte[].class);
    assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
    assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).isEqualTo("时限统计_" + from + "_" + today + ".xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum() - 1).isEqualTo(report.path("rows").size());
      int i = 2;
      for (JsonNode row : report.path("rows")) {
        var cells = sheet.getRow(i++);
        assertThat(cells.getCell(2).getStringCellValue()).isEqualTo(row.path("stepName").asText());
        assertThat((int) cells.getCell(3).getNumericCellValue()).isEqualTo(row.path("completed").asInt());
        assertThat((int) cells.getCell(5).getNumericCellValue()).isEqualTo(row.path("missed").asInt());
        assertThat((int) cells.getCell(6).getNumericCellValue()).isEqualTo(row.path("openOverdue").asInt());
      }
    }
    var bad = get("dubang", "/api/sla/report?from={f}&to={t}", today, from);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().path("message").asText()).isEqualTo("统计期间的开始日期不能晚于结束日期");
    assertThat(get("dubang", "/api/sla/report?from=yesterday").getStatusCode().value()).isEqualTo(400);
    // the front desk and the clerks do not get it
    assertThat(get("qiantai", "/api/sla/report").getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void aCasesTimelineIsFoundByItsNumberOnlyBySupervisors() {
    var unknown = get("dubang", "/api/sla/cases/{n}", "JXJH20000101000001");
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody().path("message").asText()).isEqualTo("未找到办件编号为 JXJH20000101000001 的办件，请核对编号");
    var malformed = get("dubang", "/api/sla/cases/{n}", "x' or 1=1");
    assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    assertThat(malformed.getBody().path("message").asText()).startsWith("办件编号格式不正确");
    assertThat(get("qiantai", "/api/sla/cases/{n}", "JXJH20000101000001").getStatusCode().value()).isEqualTo(403);
    assertThat(get("minzheng", "/api/sla/cases/{n}", "JXJH20000101000001").getStatusCode().value()).isEqualTo(403);
  }
}
