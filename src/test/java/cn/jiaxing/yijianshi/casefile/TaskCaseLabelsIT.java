package cn.jiaxing.yijianshi.casefile;

import static cn.jiaxing.yijianshi.marriagebirth.MarriageVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.TestApplications;
import cn.jiaxing.yijianshi.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a clerk's Tasklist list shows of each task, read as Tasklist reads it (the filter's list as HAL, with the
 * filter's listed variables embedded): the case number and the applicant's masked name, nothing else of the case;
 * a child-protection task its number only.
 */
class TaskCaseLabelsIT extends FullStackTestSupport {

  /** The tasks of the filter 部门待办 as Tasklist asks for them: due date first, of this case. */
  private List<JsonNode> tasklistPage(String user, String caseNumber) {
    return tasklistPage(user, Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")),
        "processInstanceBusinessKey", caseNumber));
  }

  private static Map<String, String> listed(JsonNode task) {
    Map<String, String> shown = new HashMap<>();
    task.path("_embedded").path("variable").forEach(v -> shown.put(v.get("name").asText(), v.path("value").asText()));
    return shown;
  }

  @Test
  void theRegistrarsListShowsTheCaseNumberAndTheCouplesMaskedNames() {
    var started = submitStartForm(PROCESS_KEY, TestApplications.marriage("欧阳建华", "王芳"));
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    String caseNumber = started.getBody().get("businessKey").asText();
    awaitTask("minzheng", caseNumber, "Task_ConfirmMarriageRegistration");

    List<JsonNode> page = tasklistPage("minzheng", caseNumber);
    assertThat(page).hasSize(1);
    assertThat(listed(page.get(0))).containsExactlyInAnyOrderEntriesOf(
        Map.of("taskCaseNumber", caseNumber, "taskApplicant", "欧**华、王*"));
    // the filter names what it lists, in Chinese, for Tasklist's list
    JsonNode filter = get("minzheng", "/engine-rest/filter?name={n}&itemCount=false", "部门待办").getBody().get(0);
    assertThat(filter.path("properties").path("variables").findValuesAsText("label")).containsExactly("办件编号", "申请人");
    // another department sees nothing of the case, labels included
    assertThat(tasklistPage("gongan", caseNumber)).isEmpty();
  }

  @Test
  void aChildProtectionTaskShowsItsNumberButNoName() {
    String name = "小红" + Long.toString(System.nanoTime() % 1_000_000, 36);
    var started = submitStartForm("ChildProtectionProcess",
        TestApplications.childProtectionReport(TestPeople.woman(8), name, uniqueEmail("labels")));
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    String caseNumber = started.getBody().get("businessKey").asText();
    awaitTask("minjing", caseNumber, "Task_AcceptReport");

    List<JsonNode> page = tasklistPage("minjing", caseNumber);
    assertThat(page).hasSize(1);
    assertThat(listed(page.get(0))).containsExactlyEntriesOf(Map.of("taskCaseNumber", caseNumber));
    assertThat(page.get(0).toString()).doesNotContain(name).doesNotContain("小红");
  }
}
