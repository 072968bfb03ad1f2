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
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * What a clerk's Tasklist list shows of each task, read as Tasklist reads it (the filter's list as HAL, with the
 * filter's listed variables embedded): the case number and the applicant's masked name, nothing else of the case;
 * a child-protection task its number only.
 */
class TaskCaseLabelsIT extends FullStackTestSupport {

  /** The tasks of the filter 部门待办 as Tasklist asks for them: HAL, due date first, the listed variables embedded. */
  private List<JsonNode> tasklistPage(String user, String caseNumber) {
    String filterId = get(user, "/engine-rest/filter?name={n}", "部门待办").getBody().get(0).get("id").asText();
    Map<String, Object> query = Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")),
        "processInstanceBusinessKey", caseNumber);
    JsonNode page = as(user).post().uri("/engine-rest/filter/{id}/list?firstResult=0&maxResults=15", filterId)
        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.parseMediaType("application/hal+json")).body(query)
        .retrieve().toEntity(JsonNode.class).getBody();
    return StreamSupport.stream(page.path("_embedded").path("task").spliterator(), false).toList();
  }

  private static Map<String, String> listed(JsonNode task) {
    Map<String, String> shown = new HashMap<>();
    task.path("_embedded").path("variable").forEach(v -> shown.put(v.get("name").asText(), v.path("value").asText()));
    return shown;
  }

  @Test
  void theRegistrarsListShowsTheCaseNumberAndTheCouplesMaskedNames() {
    var started = submitStartForm(PROCESS_KEY, new HashMap<>(Map.of(GROOM_NAME, "欧阳建华", GROOM_ID_NUMBER, TestPeople.man(31),
        BRIDE_NAME, "王芳", BRIDE_ID_NUMBER, TestPeople.woman(29), DECLARATION_SIGNED, true, BOTH_PRESENT, true)));
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
