package cn.jiaxing.yijianshi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxing.yijianshi.FullStackTestSupport;
import cn.jiaxing.yijianshi.TestApplications;
import cn.jiaxing.yijianshi.TestPeople;
import cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables;
import cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables;
import cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables;
import cn.jiaxing.yijianshi.marriagebirth.BirthVariables;
import cn.jiaxing.yijianshi.marriagebirth.MarriageVariables;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Who can read or infer citizens' data, over every REST path we know of: every staff account ×
 * every read and query filter × every sensitive variable of each family's open case. A raw value may
 * appear in an answer only for an administrator, or for the clerk of the case's open step, through that
 * task, when the step's form shows that field (what the step needs); a query filter on a sensitive value
 * may answer differently for the true and a false value only for those same people; no probe may answer 500.
 *
 * <p>A new family adds its case to {@link #openCases} with the names of its sensitive fields.
 */
class AuthorizationMatrixIT extends FullStackTestSupport {

  private static final List<String> STAFF = List.of("admin", "qiantai", "minzheng", "gongan", "weijian", "jikong",
      "yibao", "renshe", "binzang", "budongchan", "xiangzhen", "jiuzhu", "jiaoyu", "minjing", "baohu", "ertong", "dubang");

  /**
   * An open case of a family at its first clerk step: its sensitive fields' values, who holds that step,
   * and which of the sensitive fields that step's form shows (all its clerk may read: what the step needs).
   */
  private record OpenCase(String caseNumber, String processInstanceId, Map<String, String> sensitive, String taskId,
      String taskHolder, Set<String> shownToTheStep) {
  }

  private record Answer(int status, String body) {
  }

  private List<OpenCase> openCases() {
    List<OpenCase> cases = new ArrayList<>();
    // 结婚生育户口: the couple's ID numbers, at 民政's 核实双方并准予登记
    Map<String, String> couple = Map.of(MarriageVariables.GROOM_ID_NUMBER, TestPeople.man(30),
        MarriageVariables.BRIDE_ID_NUMBER, TestPeople.woman(28));
    Map<String, Object> marriage = new HashMap<>(Map.of(MarriageVariables.GROOM_NAME, "张伟",
        MarriageVariables.BRIDE_NAME, "王芳", MarriageVariables.DECLARATION_SIGNED, true,
        MarriageVariables.BOTH_PRESENT, true, MarriageVariables.APPLICANT_EMAIL, uniqueEmail("matrix")));
    marriage.putAll(couple);
    cases.add(open(MarriageVariables.PROCESS_KEY, marriage, couple, "minzheng", "Task_ConfirmMarriageRegistration",
        couple.keySet()));
    // 出生一件事: the parents' ID numbers, at 卫健's 核对出生医学信息
    Map<String, String> parents = Map.of(BirthVariables.MOTHER_ID_NUMBER, TestPeople.woman(29),
        BirthVariables.FATHER_ID_NUMBER, TestPeople.man(31));
    cases.add(open(BirthVariables.PROCESS_KEY, TestApplications.birth(parents.get(BirthVariables.MOTHER_ID_NUMBER),
        parents.get(BirthVariables.FATHER_ID_NUMBER), uniqueEmail("matrix")), parents, "weijian",
        "Task_VerifyBirthRecord", Set.of())); // 卫健 verifies the birth record without the parents' ID numbers
    // 身后一件事: the deceased's and the applicant's ID numbers, at the funeral home's 办理遗体接运和火化, whose
    // form shows neither (the funeral home works from the confirmed death proof), nor how the person died
    Map<String, String> family = Map.of(AfterDeathVariables.DECEASED_ID_NUMBER, TestPeople.man(80),
        AfterDeathVariables.APPLICANT_ID_NUMBER, TestPeople.woman(50), AfterDeathVariables.DEATH_KIND, "NON_NATURAL");
    Map<String, Object> death = TestApplications.afterDeath(family.get(AfterDeathVariables.DECEASED_ID_NUMBER),
        family.get(AfterDeathVariables.APPLICANT_ID_NUMBER), uniqueEmail("matrix"));
    death.put(AfterDeathVariables.DEATH_KIND, "NON_NATURAL");
    death.remove(AfterDeathVariables.DEATH_PROOF_NUMBER);
    cases.add(open(AfterDeathVariables.PROCESS_KEY, death, family, "binzang", "Task_ArrangeFuneral", Set.of()));
    // 身后涉财事项: in the called process, the heirs' ID numbers and the deceased's real estate, at the registry
    // clerk's 办理不动产继承登记, whose form shows the holdings (what the registration needs), not the ID numbers
    Map<String, String> heirs = Map.of(AfterDeathVariables.DECEASED_ID_NUMBER, TestPeople.man(77),
        AfterDeathVariables.APPLICANT_ID_NUMBER, TestPeople.woman(49));
    Map<String, Object> estate = TestApplications.afterDeath(heirs.get(AfterDeathVariables.DECEASED_ID_NUMBER),
        heirs.get(AfterDeathVariables.APPLICANT_ID_NUMBER), uniqueEmail("matrix"));
    estate.put(AfterDeathVariables.PROPERTY_MATTERS, "REAL_ESTATE,DEPOSITS");
    estate.put(AfterDeathVariables.BANKS, "ICBC");
    estate.put(AfterDeathVariables.RELATIONSHIP_PROOF, "HOUSEHOLD_REGISTER");
    OpenCase root = open(AfterDeathVariables.PROCESS_KEY, estate, heirs, "budongchan",
        "Task_RegisterRealEstateInheritance", Set.of());
    String part = get("admin", "/engine-rest/task/{id}", root.taskId()).getBody().get("processInstanceId").asText();
    String holdings = get("admin", "/engine-rest/process-instance/{id}/variables/{name}", part,
        AfterDeathVariables.REAL_ESTATE_HOLDINGS).getBody().get("value").asText();
    assertThat(holdings).contains("不动产权");
    // and the bank's answer (balances), once the bank has answered
    String deposits = await().atMost(java.time.Duration.ofSeconds(30)).until(() -> get("admin",
        "/engine-rest/process-instance/{id}/variables/{name}", part, AfterDeathVariables.DEPOSIT_RESULTS).getBody()
        .path("value").asText(""), v -> v.contains("余额合计"));
    Map<String, String> property = new HashMap<>(heirs);
    property.put(AfterDeathVariables.REAL_ESTATE_HOLDINGS, holdings);
    property.put(AfterDeathVariables.DEPOSIT_RESULTS, deposits);
    cases.add(new OpenCase(root.caseNumber(), part, property, root.taskId(), "budongchan",
        Set.of(AfterDeathVariables.REAL_ESTATE_HOLDINGS)));
    // 社会救助: the household's ID numbers and a member's health, at the township's 先行救助 of an urgent case, whose
    // form shows the urgent situation but no ID number (the county, the aid departments and the front desk see
    // nothing of it). (The application's reason is not probed: the township may search its task list by it,
    // since its 入户调查 form shows it — a group searches by what any of its steps' forms show.)
    String token = Long.toString(System.nanoTime(), 36);
    Map<String, String> household = Map.of(SocialAssistanceVariables.APPLICANT_ID_NUMBER, TestPeople.woman(43),
        SocialAssistanceVariables.MEMBER_IDS, TestPeople.man(11),
        SocialAssistanceVariables.URGENT_SITUATION, "丈夫突发脑溢血住院抢救" + token);
    Map<String, Object> assistance = TestApplications.socialAssistance(household.get(SocialAssistanceVariables.APPLICANT_ID_NUMBER),
        household.get(SocialAssistanceVariables.MEMBER_IDS), uniqueEmail("matrix"));
    assistance.put(SocialAssistanceVariables.URGENT, true);
    assistance.put(SocialAssistanceVariables.URGENT_SITUATION, household.get(SocialAssistanceVariables.URGENT_SITUATION));
    cases.add(open(SocialAssistanceVariables.PROCESS_KEY, assistance, household, "xiangzhen", "Task_GrantUrgentAssistance",
        Set.of(SocialAssistanceVariables.URGENT_SITUATION)));
    // 未成年人保护: the child's ID number, name and what was seen, at 公安's 受案登记 (its form shows them); the front
    // desk that recorded the report, the protection centre (not yet its step) and everyone else see nothing
    String childToken = Long.toString(System.nanoTime(), 36);
    Map<String, String> childData = Map.of(ChildProtectionVariables.CHILD_ID_NUMBER, TestPeople.man(9),
        ChildProtectionVariables.CHILD_NAME, "小明" + childToken,
        ChildProtectionVariables.OBSERVED, "手臂多处淤青" + childToken);
    Map<String, Object> report = TestApplications.childProtectionReport(childData.get(ChildProtectionVariables.CHILD_ID_NUMBER),
        childData.get(ChildProtectionVariables.CHILD_NAME), uniqueEmail("matrix"));
    report.put(ChildProtectionVariables.OBSERVED, childData.get(ChildProtectionVariables.OBSERVED));
    cases.add(open(ChildProtectionVariables.PROCESS_KEY, report, childData, "minjing", "Task_AcceptReport",
        childData.keySet()));
    return cases;
  }

  private OpenCase open(String processKey, Map<String, Object> form, Map<String, String> sensitive, String holder,
      String taskKey, Set<String> shownToTheStep) {
    var started = submitStartForm(processKey, form);
    assertThat(started.getStatusCode().value()).as(started.toString()).isEqualTo(200);
    String caseNumber = started.getBody().get("businessKey").asText();
    return new OpenCase(caseNumber, started.getBody().get("id").asText(), sensitive,
        awaitTask(holder, caseNumber, taskKey), holder, shownToTheStep);
  }

  @Test
  void onlyAdministratorsAndTheClerkOfTheStepReadOrInferCitizensData() {
    List<String> leaks = new ArrayList<>();
    int probes = 0;
    for (OpenCase c : openCases()) {
      for (String user : STAFF) {
        boolean admin = user.equals("admin");
        boolean holder = user.equals(c.taskHolder());
        for (Map.Entry<String, String> read : reads(c).entrySet()) {
          boolean throughTheTask = read.getKey().startsWith("task ");
          Answer a = call(user, read.getValue(), null);
          probes++;
          if (a.status() >= 500) {
            leaks.add(user + " " + read.getKey() + ": " + a.status() + " " + a.body());
          }
          for (Map.Entry<String, String> field : c.sensitive().entrySet()) {
            boolean shows = a.body().contains(field.getValue());
            boolean mayRead = admin || holder && throughTheTask && c.shownToTheStep().contains(field.getKey());
            if (shows && !mayRead) {
              leaks.add(user + " reads " + field.getKey() + " of " + c.caseNumber() + " through " + read.getKey());
            }
            if (admin && Set.of("process variables", "webapp variables").contains(read.getKey())
                || holder && c.shownToTheStep().contains(field.getKey())
                && Set.of("task variables", "task variables through the webapp").contains(read.getKey())) {
              assertThat(shows).as(user + " " + read.getKey() + " (the matrix would see a leak)").isTrue();
            }
          }
        }
        for (Map.Entry<String, String> field : c.sensitive().entrySet()) {
          String other = field.getValue().startsWith("3304021") ? TestPeople.man(44) : TestPeople.woman(44);
          for (Map.Entry<String, Filter> filter : filters(c).entrySet()) {
            Answer truth = filter.getValue().ask(this, user, field.getKey(), field.getValue());
            Answer lie = filter.getValue().ask(this, user, field.getKey(), other);
            probes += 2;
            if (truth.status() >= 500 || lie.status() >= 500) {
              leaks.add(user + " " + filter.getKey() + ": 500 " + truth.body());
            }
            if (admin && Set.of("process-instance?variables", "webapp process-instance?variables",
                "POST task processVariables").contains(filter.getKey())) {
              assertThat(truth).as(filter.getKey() + " answers the administrator (the matrix would see an inference)")
                  .isNotEqualTo(lie);
            }
            if (!truth.equals(lie) && !(admin || holder && c.shownToTheStep().contains(field.getKey()))) {
              leaks.add(user + " infers " + field.getKey() + " of " + c.caseNumber() + " through " + filter.getKey()
                  + ": " + truth.status() + " " + abbreviate(truth.body()) + " / " + lie.status() + " " + abbreviate(lie.body()));
            }
          }
        }
      }
    }
    assertThat(leaks).as("after %d probes", probes).isEmpty();
  }

  /** Every read that could show a case's variables (a key starting with "task " reads through the case's open task). */
  private static Map<String, String> reads(OpenCase c) {
    String pi = c.processInstanceId();
    String task = c.taskId();
    Map<String, String> r = new LinkedHashMap<>();
    r.put("process variables", "/engine-rest/process-instance/" + pi + "/variables");
    r.put("process variables, raw", "/engine-rest/process-instance/" + pi + "/variables?deserializeValues=false");
    for (String name : c.sensitive().keySet()) {
      r.put("process variable " + name, "/engine-rest/process-instance/" + pi + "/variables/" + name);
      r.put("variable instances named " + name, "/engine-rest/variable-instance?variableName=" + name);
      r.put("historic variables named " + name, "/engine-rest/history/variable-instance?variableName=" + name);
      r.put("task variable " + name, "/engine-rest/task/" + task + "/variables/" + name);
    }
    r.put("execution local variables", "/engine-rest/execution/" + pi + "/localVariables");
    r.put("variable instances", "/engine-rest/variable-instance?processInstanceIdIn=" + pi);
    r.put("historic variables", "/engine-rest/history/variable-instance?processInstanceId=" + pi);
    r.put("historic details", "/engine-rest/history/detail?processInstanceId=" + pi);
    r.put("historic variable updates", "/engine-rest/history/detail?variableUpdates=true&processInstanceId=" + pi);
    r.put("process instance", "/engine-rest/process-instance/" + pi);
    r.put("historic process instance", "/engine-rest/history/process-instance/" + pi);
    r.put("tasks of the case", "/engine-rest/task?processInstanceId=" + pi);
    r.put("historic tasks", "/engine-rest/history/task?processInstanceId=" + pi);
    r.put("user operation log", "/engine-rest/history/user-operation?processInstanceId=" + pi);
    r.put("jobs", "/engine-rest/job?processInstanceId=" + pi);
    r.put("incidents", "/engine-rest/incident?processInstanceId=" + pi);
    r.put("activity instances", "/engine-rest/process-instance/" + pi + "/activity-instances");
    r.put("webapp variables", "/camunda/api/engine/engine/default/process-instance/" + pi + "/variables");
    r.put("webapp variable instances", "/camunda/api/engine/engine/default/variable-instance?processInstanceIdIn=" + pi);
    r.put("case progress", "/api/cases/" + c.caseNumber());
    r.put("SLA time line", "/api/sla/process-instances/" + pi);
    r.put("task variables", "/engine-rest/task/" + task + "/variables");
    r.put("task form variables", "/engine-rest/task/" + task + "/form-variables");
    r.put("task local variables", "/engine-rest/task/" + task + "/localVariables");
    r.put("task itself", "/engine-rest/task/" + task);
    r.put("task variables through the webapp", "/camunda/api/engine/engine/default/task/" + task + "/variables");
    return r;
  }

  /** A query that filters on a variable's value: asked once with the true value, once with a false one. */
  private interface Filter {
    Answer ask(AuthorizationMatrixIT test, String user, String name, String value);
  }

  private static Map<String, Filter> filters(OpenCase c) {
    Map<String, Filter> f = new LinkedHashMap<>();
    f.put("process-instance?variables", (t, u, n, v) -> t.call(u, "/engine-rest/process-instance?variables="
        + n + "_eq_" + v, null));
    f.put("process-instance/count?variables", (t, u, n, v) -> t.call(u, "/engine-rest/process-instance/count?variables="
        + n + "_eq_" + v, null));
    f.put("history/process-instance?variables", (t, u, n, v) -> t.call(u,
        "/engine-rest/history/process-instance?variables=" + n + "_eq_" + v, null));
    f.put("execution?variables", (t, u, n, v) -> t.call(u, "/engine-rest/execution?variables=" + n + "_eq_" + v, null));
    f.put("task?processVariables", (t, u, n, v) -> t.call(u, "/engine-rest/task?processVariables=" + n + "_eq_" + v,
        null));
    f.put("history/task?processVariables", (t, u, n, v) -> t.call(u,
        "/engine-rest/history/task?processVariables=" + n + "_eq_" + v, null));
    f.put("variable-instance?variableValues", (t, u, n, v) -> t.call(u,
        "/engine-rest/variable-instance?variableValues=" + n + "_eq_" + v, null));
    f.put("POST task processVariables", (t, u, n, v) -> t.call(u, "/engine-rest/task",
        "{\"processVariables\":[{\"name\":\"" + n + "\",\"operator\":\"eq\",\"value\":\"" + v + "\"}]}"));
    // scoped to the case: other cases whose IDs share the prefix may be the user's own to see
    f.put("POST task orQueries", (t, u, n, v) -> t.call(u, "/engine-rest/task",
        "{\"processInstanceId\":\"" + c.processInstanceId() + "\",\"orQueries\":[{\"processVariables\":[{\"name\":\""
            + n + "\",\"operator\":\"like\",\"value\":\"" + v.substring(0, 10) + "%\"}]}]}"));
    f.put("POST process-instance variables", (t, u, n, v) -> t.call(u, "/engine-rest/process-instance",
        "{\"variables\":[{\"name\":\"" + n + "\",\"operator\":\"eq\",\"value\":\"" + v + "\"}]}"));
    f.put("webapp process-instance?variables", (t, u, n, v) -> t.call(u,
        "/camunda/api/engine/engine/default/process-instance?variables=" + n + "_eq_" + v, null));
    f.put("POST task, a range on the variable", (t, u, n, v) -> t.call(u, "/engine-rest/task",
        "{\"processInstanceId\":\"" + c.processInstanceId() + "\",\"processVariables\":[{\"name\":\"" + n
            + "\",\"operator\":\"gteq\",\"value\":\"" + v + "\"}]}"));
    return f;
  }

  private static String abbreviate(String body) {
    return body.length() <= 120 ? body : body.substring(0, 120) + "…";
  }

  private final Map<String, org.springframework.web.client.RestClient> webappSessions = new HashMap<>();

  /** The webapps' API answers a logged-in session only (as Cockpit and Tasklist use it): log in like they do. */
  private org.springframework.web.client.RestClient webapp(String user) {
    return webappSessions.computeIfAbsent(user, u -> {
      java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
      java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
      var client = org.springframework.web.client.RestClient.builder().baseUrl("http://localhost:" + PORT)
          .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory(http))
          .defaultStatusHandler(status -> true, (request, response) -> { }).build();
      var first = client.get().uri("/camunda/api/admin/auth/user/default").retrieve().toBodilessEntity();
      String token = first.getHeaders().getFirst("X-XSRF-TOKEN");
      // into the app the account may use: Cockpit for supervisors and administrators, else Tasklist
      int status = 0;
      for (String app : List.of("cockpit", "tasklist")) {
        status = client.post().uri("/camunda/api/admin/auth/user/default/login/" + app)
            .header("X-XSRF-TOKEN", token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body("username=" + u + "&password=" + PASSWORD).retrieve().toBodilessEntity().getStatusCode().value();
        if (status == 200) {
          break;
        }
      }
      assertThat(status).as("webapp login of " + u).isEqualTo(200);
      return client;
    });
  }

  private Answer call(String user, String uri, String body) {
    if (uri.startsWith("/camunda/api/")) {
      var response = webapp(user).get().uri(java.net.URI.create("http://localhost:" + PORT + encode(uri)))
          .retrieve().toEntity(String.class);
      return new Answer(response.getStatusCode().value(), response.getBody() == null ? "" : response.getBody());
    }
    var spec = body == null ? as(user).get().uri(java.net.URI.create("http://localhost:" + PORT + encode(uri)))
        : as(user).post().uri(java.net.URI.create("http://localhost:" + PORT + encode(uri)))
            .contentType(MediaType.APPLICATION_JSON).body(body);
    var response = spec.retrieve().toEntity(String.class);
    return new Answer(response.getStatusCode().value(), response.getBody() == null ? "" : response.getBody());
  }

  /** The query part percent-encoded ("%" of a like pattern, "X" check characters stay as they are). */
  private static String encode(String uri) {
    int q = uri.indexOf('?');
    if (q < 0) {
      return uri;
    }
    StringBuilder out = new StringBuilder(uri.substring(0, q + 1));
    for (String pair : uri.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (out.charAt(out.length() - 1) != '?') {
        out.append('&');
      }
      out.append(pair, 0, eq + 1).append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out.toString();
  }
}
