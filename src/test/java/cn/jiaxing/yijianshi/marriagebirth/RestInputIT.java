package cn.jiaxing.yijianshi.marriagebirth;

import static cn.jiaxing.yijianshi.marriagebirth.MarriageVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What an outside tester sent to the REST API (issue 7), each answered with a 4xx and a Chinese
 * message naming the field — and what intake validated cannot be rewritten by a clerk.
 */
class RestInputIT extends FullStackTestSupport {

  private Map<String, Object> application() {
    Map<String, Object> v = new HashMap<>();
    v.put(GROOM_NAME, "张伟");
    v.put(GROOM_ID_NUMBER, TestPeople.man(30));
    v.put(BRIDE_NAME, "王芳");
    v.put(BRIDE_ID_NUMBER, TestPeople.woman(27));
    v.put(APPLICANT_EMAIL, uniqueEmail("rest"));
    v.put(DECLARATION_SIGNED, true);
    v.put(BOTH_PRESENT, true);
    v.put(HOUSEHOLD_MOVE_REQUESTED, false);
    v.put(BIRTH_PLANNING_REQUESTED, false);
    return v;
  }

  private ResponseEntity<JsonNode> raw(String user, String method, String uri, String body, Object... args) {
    var request = as(user).method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri, args);
    if (body != null) {
      request = request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.retrieve().toEntity(JsonNode.class);
  }

  private static String message(ResponseEntity<JsonNode> response) {
    return response.getBody() == null ? "" : response.getBody().path("message").asText();
  }

  @Test
  void aClerkCannotRewriteWhatIntakeValidated() {
    JsonNode started = submitStartForm(PROCESS_KEY, application()).getBody();
    String caseNumber = started.get("businessKey").asText();
    String task = awaitTask("minzheng", caseNumber, "Task_ConfirmMarriageRegistration");
    String bride = get("minzheng", "/engine-rest/task/{id}/variables/{n}", task, BRIDE_ID_NUMBER).getBody()
        .get("value").asText();
    String aMan = TestPeople.man(35);

    var modified = raw("minzheng", "POST", "/engine-rest/task/{id}/variables",
        "{\"modifications\":{\"brideIdNumber\":{\"value\":\"" + aMan + "\"}}}", task);
    assertThat(modified.getStatusCode().value()).isEqualTo(403);
    assertThat(message(modified)).contains("不能修改受理时已核验或不属于本环节的信息：女方身份证号码（brideIdNumber）");
    assertThat(raw("minzheng", "PUT", "/engine-rest/task/{id}/variables/brideIdNumber",
        "{\"value\":\"" + aMan + "\"}", task).getStatusCode().value()).isEqualTo(403);
    assertThat(raw("minzheng", "PUT", "/engine-rest/task/{id}/localVariables/brideIdNumber",
        "{\"value\":\"" + aMan + "\"}", task).getStatusCode().value()).isEqualTo(403);
    assertThat(raw("minzheng", "DELETE", "/engine-rest/task/{id}/variables/brideIdNumber", null, task)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(raw("minzheng", "PUT", "/engine-rest/task/{id}/variables/birthRecordConfirmed",
        "{\"value\":true}", task).getStatusCode().value()).as("a name no form of this step has").isEqualTo(403);
    // completing with the changed value is refused too; with the value as it is (a form sends shown fields back), fine
    Map<String, Object> approve = new HashMap<>(Map.of(MARRIAGE_APPROVED, true, PARTIES_PRESENT, true, VOLUNTARY, true,
        NO_PROHIBITED_KINSHIP, true));
    approve.put(BRIDE_ID_NUMBER, aMan);
    var rewritten = submitTask("minzheng", task, approve);
    assertThat(rewritten.getStatusCode().value()).isEqualTo(403);
    assertThat(message(rewritten)).contains("女方身份证号码");
    approve.put(BRIDE_ID_NUMBER, bride);
    assertThat(submitTask("minzheng", task, approve).getStatusCode().value()).isEqualTo(204);
    assertThat(get("admin", "/engine-rest/history/variable-instance?processInstanceId={p}&variableName={n}",
        started.get("id").asText(), BRIDE_ID_NUMBER).getBody().get(0).get("value").asText()).isEqualTo(bride);
  }

  @Test
  void anotherDepartmentCannotReadATasksVariables() {
    String caseNumber = submitStartForm(PROCESS_KEY, application()).getBody().get("businessKey").asText();
    String task = awaitTask("minzheng", caseNumber, "Task_ConfirmMarriageRegistration");
    assertThat(get("minzheng", "/engine-rest/task/{id}/variables", task).getBody().has(BRIDE_ID_NUMBER)).isTrue();
    for (String other : new String[] {"yibao", "gongan", "qiantai"}) {
      var read = get(other, "/engine-rest/task/{id}/variables", task);
      assertThat(read.getStatusCode().value()).as(other).isIn(403, 404);
      assertThat(String.valueOf(read.getBody())).as(other).doesNotContain(BRIDE_ID_NUMBER);
      assertThat(get(other, "/engine-rest/task/{id}/variables/{n}", task, BRIDE_ID_NUMBER).getStatusCode().value())
          .as(other).isIn(403, 404);
      assertThat(get(other, "/engine-rest/task/{id}/form-variables", task).getStatusCode().value())
          .as(other).isIn(403, 404);
    }
  }

  @Test
  void aSupervisorCannotInferCitizensDataThroughQueryFilters() {
    Map<String, Object> application = application();
    String groom = application.get(GROOM_ID_NUMBER).toString();
    String caseNumber = submitStartForm(PROCESS_KEY, application).getBody().get("businessKey").asText();
    awaitTask("minzheng", caseNumber, "Task_ConfirmMarriageRegistration");
    String like = "groomIdNumber_like_" + groom.substring(0, 10) + "%25";
    for (String uri : new String[] {"/engine-rest/process-instance?variables=" + like,
        "/engine-rest/process-instance/count?variables=" + like,
        "/engine-rest/history/process-instance?variables=" + like,
        "/engine-rest/task?processVariables=" + like,
        "/engine-rest/execution?processVariables=" + like,
        "/engine-rest/variable-instance?variableValues=groomIdNumber_eq_" + groom}) {
      var answer = as("dubang").get().uri(java.net.URI.create("http://localhost:" + PORT + uri)).retrieve()
          .toEntity(JsonNode.class);
      assertThat(answer.getStatusCode().value()).as(uri).isEqualTo(403);
      assertThat(message(answer)).as(uri).startsWith("无权按办件内容（流程变量）查询或排序");
    }
    String criterion = "[{\"name\": \"groomIdNumber\", \"operator\": \"like\", \"value\": \""
        + groom.substring(0, 10) + "%\"}]";
    assertThat(raw("dubang", "POST", "/engine-rest/task", "{\"processVariables\": " + criterion + "}")
        .getStatusCode().value()).isEqualTo(403);
    assertThat(raw("dubang", "POST", "/engine-rest/history/process-instance",
        "{\"orQueries\": [{\"variables\": " + criterion + "}]}").getStatusCode().value()).isEqualTo(403);
    assertThat(raw("dubang", "POST", "/engine-rest/task", "{\"sorting\": [{\"sortBy\": \"processVariable\","
        + " \"sortOrder\": \"asc\", \"parameters\": {\"variable\": \"groomIdNumber\", \"type\": \"String\"}}]}")
        .getStatusCode().value()).isEqualTo(403);
    // lists without such criteria still work for the supervisor
    assertThat(get("dubang", "/engine-rest/process-instance?businessKey={b}", caseNumber).getBody()).hasSize(1);
    assertThat(raw("dubang", "POST", "/engine-rest/task", "{\"processVariables\": [], \"processInstanceBusinessKey\": \""
        + caseNumber + "\"}").getStatusCode().value()).isEqualTo(200);
    // a clerk may search the tasks offered to them by what they may read anyway; an administrator anything
    var clerk = as("minzheng").get().uri(java.net.URI.create("http://localhost:" + PORT
        + "/engine-rest/task?processVariables=" + like)).retrieve().toEntity(JsonNode.class);
    assertThat(clerk.getStatusCode().value()).isEqualTo(200);
    assertThat(clerk.getBody()).isNotEmpty();
    var admin = as("admin").get().uri(java.net.URI.create("http://localhost:" + PORT
        + "/engine-rest/process-instance?variables=groomIdNumber_eq_" + groom)).retrieve().toEntity(JsonNode.class);
    assertThat(admin.getStatusCode().value()).isEqualTo(200);
    assertThat(admin.getBody()).singleElement()
        .satisfies(i -> assertThat(i.get("businessKey").asText()).isEqualTo(caseNumber));
  }

  @Test
  void aStartMaySetOnlyTheApplicationsFieldsAndNoOperatorOption() {
    Map<String, Object> extra = application();
    extra.put(MARRIAGE_APPROVED, true);
    var injected = submitStartForm(PROCESS_KEY, extra);
    assertThat(injected.getStatusCode().value()).isEqualTo(403);
    assertThat(message(injected)).contains("申请表中没有此项", "marriageApproved");

    var skip = raw("qiantai", "POST", "/engine-rest/process-definition/key/{k}/start",
        "{\"skipCustomListeners\": true, \"variables\": {}}", PROCESS_KEY);
    assertThat(skip.getStatusCode().value()).isEqualTo(403);
    assertThat(message(skip)).isEqualTo("该选项仅限平台管理员使用：skipCustomListeners");
    var message = raw("qiantai", "POST", "/engine-rest/message", "{\"messageName\": \"x\"}");
    assertThat(message.getStatusCode().value()).isEqualTo(403);
    assertThat(message(message)).startsWith("该操作仅限平台管理员");
    assertThat(raw("minzheng", "PUT", "/engine-rest/process-instance/{id}/variables/brideIdNumber",
        "{\"value\":\"x\"}", "any").getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void badBodiesAreA400InChineseNamingTheField() {
    String start = "/engine-rest/process-definition/key/" + PROCESS_KEY + "/submit-form";
    // no body, or null: no variables — the application's own checks answer
    for (String body : new String[] {null, "null", ""}) {
      var none = raw("qiantai", "POST", start, body);
      assertThat(none.getStatusCode().value()).as("body " + body).isEqualTo(400);
      assertThat(message(none)).startsWith("结婚登记申请未受理").contains("男方姓名不能为空");
    }
    var invalid = raw("qiantai", "POST", start, "{\"variables\": {");
    assertThat(invalid.getStatusCode().value()).isEqualTo(400);
    assertThat(message(invalid)).startsWith("请求内容不是合法的 JSON");
    var object = raw("qiantai", "POST", start, "{\"variables\": {\"groomName\": {\"type\": \"Object\", \"value\": \"x\"}}}");
    assertThat(object.getStatusCode().value()).isEqualTo(400);
    assertThat(message(object)).contains("groomName", "Object", "不受支持");
    var integer = raw("qiantai", "POST", start, "{\"variables\": {\"groomName\": {\"type\": \"Integer\", \"value\": \"abc\"}}}");
    assertThat(integer.getStatusCode().value()).isEqualTo(400);
    assertThat(message(integer)).isEqualTo("字段 groomName 应为整数");
    var array = raw("qiantai", "POST", start, "{\"variables\": {\"groomName\": {\"value\": [1, 2]}}}");
    assertThat(array.getStatusCode().value()).isEqualTo(400);

    Map<String, Object> longText = application();
    longText.put(GROOM_NAME, "长".repeat(5000));
    var tooLong = submitStartForm(PROCESS_KEY, longText);
    assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
    assertThat(message(tooLong)).contains("groomName", "过长", "最多4000字");

    Map<String, Object> notText = application();
    notText.put(GROOM_NAME, true);
    notText.put(BRIDE_NAME, 12345);
    var typed = submitStartForm(PROCESS_KEY, notText);
    assertThat(typed.getStatusCode().value()).isEqualTo(400);
    assertThat(message(typed)).contains("男方姓名应为文字", "女方姓名应为文字");
  }

  @Test
  void aRefusalRightAfterTheStartIsNeverA500() {
    // the refusal's terminate end races the parallel department steps the start set off
    for (int i = 0; i < 10; i++) {
      var started = submitStartForm(BirthVariables.PROCESS_KEY, cn.jiaxing.yijianshi.TestApplications.birth(
          TestPeople.woman(29), TestPeople.man(31), uniqueEmail("race")));
      assertThat(started.getStatusCode().value()).as("try " + i + ": " + started.getBody()).isEqualTo(200);
      String caseNumber = started.getBody().get("businessKey").asText();
      String verify = awaitTask("weijian", caseNumber, "Task_VerifyBirthRecord");
      var refused = submitTask("weijian", verify, Map.of(BirthVariables.BIRTH_RECORD_CONFIRMED, false,
          BirthVariables.REFUSAL_REASON, "出生医学信息与医院记录不符"));
      assertThat(refused.getStatusCode().value()).as("try " + i + ": " + refused.getBody()).isIn(204, 409);
    }
  }

  @Test
  void aCompletionWithoutABodyGetsTheStepsOwnMessage() {
    String caseNumber = submitStartForm(PROCESS_KEY, application()).getBody().get("businessKey").asText();
    String task = awaitTask("minzheng", caseNumber, "Task_ConfirmMarriageRegistration");
    for (String body : new String[] {null, "null"}) {
      var none = raw("minzheng", "POST", "/engine-rest/task/{id}/complete", body, task);
      assertThat(none.getStatusCode().value()).isEqualTo(400);
      assertThat(message(none)).isEqualTo("任务未能提交：请选择审查结论。");
    }
  }
}
