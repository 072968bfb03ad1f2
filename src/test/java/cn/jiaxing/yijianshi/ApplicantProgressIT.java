package cn.jiaxing.yijianshi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The applicant's own progress query ({@code /chaxun/}, {@code POST /public/cases/progress}): the right number
 * and second factor show the case's steps and nothing else; a wrong one is refused without saying which part was
 * wrong; guessing is stopped; a child-protection case is never shown; the receipt mail links to the page.
 */
class ApplicantProgressIT extends FullStackTestSupport {

  private ResponseEntity<JsonNode> query(String caseNumber, String idTail) {
    return post(null, "/public/cases/progress", Map.of("caseNumber", caseNumber, "idTail", idTail));
  }

  @Test
  void theApplicantSeesTheStepsAndThePromisedDateWithTheRightSecondFactorOnly() {
    String email = uniqueEmail("self-query");
    String applicant = TestPeople.woman(40);
    var started = submitStartForm(SocialAssistanceVariables.PROCESS_KEY,
        TestApplications.socialAssistance(applicant, TestPeople.man(10), email));
    String caseNumber = started.getBody().get("businessKey").asText();
    awaitTask("xiangzhen", caseNumber, "Task_InvestigateHousehold");

    ResponseEntity<JsonNode> answer = query(caseNumber, applicant.substring(12));
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    JsonNode p = answer.getBody();
    assertThat(p.path("typeName").asText()).isEqualTo("社会救助一件事");
    assertThat(p.path("statusName").asText()).isEqualTo("办理中");
    assertThat(p.path("promisedOn").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(p.path("steps").toString()).contains("核对家庭经济状况（一键核对）", "已办结", "入户调查和民主评议", "办理中");
    // the seven sources of the check are one step to the applicant
    assertThat(p.path("steps").findValuesAsText("name")).filteredOn("核对家庭经济状况（一键核对）"::equals).hasSize(1);
    // nothing else: no applicant, no clerk, no department data, no ID number
    assertThat(p.toString()).doesNotContain(applicant, "王秀英", "xiangzhen", "乡镇", "applicant", "department");

    // a wrong tail and a wrong number get the same answer
    ResponseEntity<JsonNode> wrongTail = query(caseNumber, "000000");
    ResponseEntity<JsonNode> wrongNumber = query("JXJZ20200101999999", applicant.substring(12));
    assertThat(wrongTail.getStatusCode().value()).isEqualTo(404);
    assertThat(wrongNumber.getStatusCode().value()).isEqualTo(404);
    assertThat(wrongTail.getBody()).isEqualTo(wrongNumber.getBody());
    assertThat(post(null, "/public/cases/progress", "{}").getStatusCode().value()).isEqualTo(404);
    assertThat(query(caseNumber, "x".repeat(100_000)).getStatusCode().value()).isEqualTo(404);

    // guessing a case's second factor is stopped, even with the right one after too many wrong ones
    for (int i = 0; i < 5; i++) {
      query(caseNumber, String.format("%06d", i));
    }
    assertThat(query(caseNumber, applicant.substring(12)).getStatusCode().value()).isEqualTo(429);

    // the receipt mail links to the page
    assertThat(awaitMail(email, 1)).anySatisfy(m -> assertThat(m).contains("/chaxun/index.html?n=" + caseNumber));
    // the page itself is public and in Chinese
    var page = as(null).get().uri("/chaxun/index.html").retrieve().toEntity(byte[].class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    // (served as text/html; the page declares its UTF-8 itself, as browsers read it)
    assertThat(new String(page.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("办件进度查询", "身份证号码后六位",
        "<meta charset=\"utf-8\">");
  }

  @Test
  void aChildProtectionCaseIsNeverShownToAnyoneOutside() {
    String child = TestPeople.man(8);
    var started = submitStartForm(cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.PROCESS_KEY,
        TestApplications.childProtectionReport(child, "小红", uniqueEmail("reporter")));
    String caseNumber = started.getBody().get("businessKey").asText();
    assertThat(query(caseNumber, child.substring(12)).getStatusCode().value()).isEqualTo(404);
  }
}
