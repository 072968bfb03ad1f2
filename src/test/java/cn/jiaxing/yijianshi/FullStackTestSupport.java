package cn.jiaxing.yijianshi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Full-stack tests: the whole application on a real port, its department calls going over HTTP to
 * the simulator, mail to a GreenMail SMTP server, and the test acting as the front desk and the
 * department clerks through the Camunda REST API — as Tasklist does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureObservability // keep /actuator/prometheus as in production
public abstract class FullStackTestSupport {

  protected static final int PORT = freePort();
  protected static final int SMTP_PORT = freePort();
  protected static final String PASSWORD = "demo";

  @RegisterExtension
  protected static GreenMailExtension mail = new GreenMailExtension(
      new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @DynamicPropertySource
  static void port(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  protected final ObjectMapper json = new ObjectMapper();

  protected static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client logged in as a demo user (null: anonymous); it never throws on an HTTP status. */
  protected RestClient as(String user) {
    RestClient.Builder b = RestClient.builder().baseUrl("http://localhost:" + PORT)
        .defaultStatusHandler(status -> true, (request, response) -> { });
    if (user != null) {
      b.defaultHeaders(h -> h.setBasicAuth(user, PASSWORD));
    }
    return b.build();
  }

  protected ResponseEntity<JsonNode> get(String user, String uri, Object... args) {
    return as(user).get().uri(uri, args).retrieve().toEntity(JsonNode.class);
  }

  protected ResponseEntity<JsonNode> post(String user, String uri, Object body, Object... args) {
    return as(user).post().uri(uri, args).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
        .toEntity(JsonNode.class);
  }

  /** Camunda REST variables: {name: {value: v}}. */
  protected ObjectNode variables(Map<String, Object> values) {
    ObjectNode vars = json.createObjectNode();
    values.forEach((k, v) -> vars.set(k, json.createObjectNode().putPOJO("value", v)));
    ObjectNode body = json.createObjectNode();
    body.set("variables", vars);
    return body;
  }

  /** The front desk submits a start form; returns the response (the instance, or the 400 with the reason). */
  protected ResponseEntity<JsonNode> submitStartForm(String processKey, Map<String, Object> values) {
    return post("qiantai", "/engine-rest/process-definition/key/{key}/submit-form", variables(values), processKey);
  }

  /** Waits until the user sees the task of this case, and returns its id. */
  protected String awaitTask(String user, String caseNumber, String taskKey) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> tasks(user, caseNumber, taskKey), list -> !list.isEmpty())
        .get(0);
  }

  /** The ids of this case's tasks with the given key that the user can see. */
  protected List<String> tasks(String user, String caseNumber, String taskKey) {
    JsonNode list = get(user, "/engine-rest/task?processInstanceBusinessKey={b}&taskDefinitionKey={k}",
        caseNumber, taskKey).getBody();
    return StreamSupport.stream(list.spliterator(), false).map(t -> t.get("id").asText()).toList();
  }

  /**
   * The tasks of the clerk's filter 部门待办 as Tasklist asks for them: HAL, the query's criteria, the filter's listed
   * variables embedded.
   */
  protected List<JsonNode> tasklistPage(String user, Map<String, Object> query) {
    String filterId = get(user, "/engine-rest/filter?name={n}", "部门待办").getBody().get(0).get("id").asText();
    JsonNode page = as(user).post().uri("/engine-rest/filter/{id}/list?firstResult=0&maxResults=15", filterId)
        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.parseMediaType("application/hal+json")).body(query)
        .retrieve().toEntity(JsonNode.class).getBody();
    return StreamSupport.stream(page.path("_embedded").path("task").spliterator(), false).toList();
  }

  protected ResponseEntity<JsonNode> submitTask(String user, String taskId, Map<String, Object> values) {
    return post(user, "/engine-rest/task/{id}/submit-form", variables(values), taskId);
  }

  /** Waits until the front desk's progress query shows the case in the given status, and returns it. */
  protected JsonNode awaitCaseStatus(String caseNumber, String status) {
    return await().atMost(Duration.ofSeconds(45))
        .until(() -> get("qiantai", "/api/cases/{n}", caseNumber).getBody(),
            c -> c != null && status.equals(c.path("status").asText()));
  }

  /** What the simulated departments stored for this case: one entry per distinct request. */
  protected JsonNode simulatorRequests(String keyPrefix) {
    return RestClient.builder().baseUrl("http://localhost:" + PORT)
        .defaultHeaders(h -> h.setBasicAuth("yijianshi", "sim-secret")).build()
        .get().uri("/sim/requests?keyPrefix={p}", keyPrefix).retrieve().body(JsonNode.class);
  }

  protected void injectFaults(String department, String operation, String mode, int count) {
    var response = RestClient.builder().baseUrl("http://localhost:" + PORT)
        .defaultHeaders(h -> h.setBasicAuth("yijianshi", "sim-secret")).build()
        .post().uri("/sim/faults").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("department", department, "operation", operation, "mode", mode, "count", count))
        .retrieve().toBodilessEntity();
    assertThat(response.getStatusCode().value()).isEqualTo(202);
  }

  /** Waits for the given number of mails to this address and returns their subjects and bodies. */
  protected List<String> awaitMail(String recipient, int count) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(recipient), list -> list.size() >= count);
  }

  protected List<String> mailTo(String recipient) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(m -> {
          try {
            return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient));
          } catch (jakarta.mail.MessagingException e) {
            return false;
          }
        })
        .map(FullStackTestSupport::text).toList();
  }

  private static String text(MimeMessage m) {
    try {
      return m.getSubject() + "\n" + m.getContent();
    } catch (jakarta.mail.MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  protected static String uniqueEmail(String who) {
    return who + "-" + System.nanoTime() + "@example.cn";
  }
}
