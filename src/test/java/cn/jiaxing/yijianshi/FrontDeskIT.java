package cn.jiaxing.yijianshi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables;
import cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The front desk's page (/chuangkou/): the clerk's own recent cases, the receipt to print, the search. */
class FrontDeskIT extends FullStackTestSupport {

  @Test
  void theClerkFindsTheCaseJustOpenedPrintsItsReceiptAndFindsItAgainByApplicant() {
    String applicant = TestPeople.woman(41);
    var started = submitStartForm(SocialAssistanceVariables.PROCESS_KEY,
        TestApplications.socialAssistance(applicant, TestPeople.man(9), uniqueEmail("desk")));
    String caseNumber = started.getBody().get("businessKey").asText();

    JsonNode mine = get("qiantai", "/api/cases/mine").getBody();
    assertThat(mine.toString()).contains(caseNumber);
    // another clerk's list does not have it (admin started nothing)
    assertThat(get("admin", "/api/cases/mine").getBody().toString()).doesNotContain(caseNumber);

    JsonNode receipt = get("qiantai", "/api/cases/{n}/receipt", caseNumber).getBody();
    assertThat(receipt.path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(receipt.path("typeName").asText()).isEqualTo("社会救助一件事");
    assertThat(receipt.path("promise").asText()).isEqualTo("23个工作日");
    assertThat(receipt.path("promisedOn").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(receipt.path("departments").toString()).contains("嘉兴市民政局", "嘉兴市公安局", "国家税务总局嘉兴市税务局",
        "嘉兴市教育局");
    assertThat(receipt.path("queryUrl").asText()).endsWith("/chaxun/index.html?n=" + caseNumber);
    assertThat(receipt.toString()).doesNotContain(applicant);

    JsonNode found = get("qiantai", "/api/cases?applicantName={n}&idLastFour={d}", "王秀英", applicant.substring(14)).getBody();
    assertThat(found.toString()).contains(caseNumber);
    assertThat(get("qiantai", "/api/cases?applicantName={n}&idLastFour={d}", "王秀", applicant.substring(14)).getBody()
        .toString()).doesNotContain(caseNumber);
    assertThat(get("qiantai", "/api/cases?caseNumber={n}", caseNumber.toLowerCase()).getBody().toString()).contains(caseNumber);
    var bad = get("qiantai", "/api/cases?applicantName={n}", "王秀英");
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().path("message").asText()).contains("身份证号码后四位");
    // the page is there, in the same login
    var page = as("qiantai").get().uri("/chuangkou/index.html").retrieve().toEntity(byte[].class);
    assertThat(new String(page.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("受理回执", "查找办件");
  }

  @Test
  void aChildProtectionReportsReceiptIsForTheClerkWhoTookItAndNeverNamesTheChild() {
    String child = TestPeople.man(7);
    var started = submitStartForm(ChildProtectionVariables.PROCESS_KEY,
        TestApplications.childProtectionReport(child, "小刚", uniqueEmail("reporter")));
    String caseNumber = started.getBody().get("businessKey").asText();
    var receipt = get("qiantai", "/api/cases/{n}/receipt", caseNumber);
    assertThat(receipt.getStatusCode().value()).isEqualTo(200);
    assertThat(receipt.getBody().path("typeName").asText()).isEqualTo("未成年人保护");
    assertThat(receipt.getBody().toString()).doesNotContain(child, "小刚", "chaxun");
    assertThat(get("admin", "/api/cases/{n}/receipt", caseNumber).getStatusCode().value()).isEqualTo(403);
    // not found by the search either
    assertThat(get("qiantai", "/api/cases?caseNumber={n}", caseNumber).getBody()).isEmpty();
  }
}
