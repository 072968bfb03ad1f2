package cn.jiaxing.yijianshi.departments.internal;

import cn.jiaxing.yijianshi.departments.Department;
import cn.jiaxing.yijianshi.departments.DepartmentProperties;
import cn.jiaxing.yijianshi.departments.Departments;
import cn.jiaxing.yijianshi.departments.DepartmentRefusalException;
import cn.jiaxing.yijianshi.departments.DepartmentUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The one way this application calls a department system: JSON over HTTP POST, basic
 * authentication, a timeout, and an {@code Idempotency-Key} header (case number + step) that the
 * department honours by answering a repeated key with the first answer instead of acting twice.
 * 2xx → the answer; 422 {code, message} → {@link DepartmentRefusalException}; anything else →
 * {@link DepartmentUnavailableException} (the engine retries).
 */
@Component
public class DepartmentHttp {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final Logger log = LoggerFactory.getLogger(DepartmentHttp.class);

  private final Map<String, RestClient> clients = new HashMap<>();
  private final Departments departments;
  private final ObjectMapper json;

  DepartmentHttp(Departments departments, DepartmentProperties properties, RestClient.Builder builder,
      ObjectMapper json) {
    this.departments = departments;
    this.json = json;
    for (Department d : departments.systems()) {
      DepartmentProperties.Endpoint e = properties.endpoint(d.code());
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(e.timeout()).build();
      JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
      factory.setReadTimeout(e.timeout());
      RestClient.Builder b = builder.clone().baseUrl(e.baseUrl()).requestFactory(factory);
      if (e.username() != null) {
        b.defaultHeaders(h -> h.setBasicAuth(e.username(), e.password() == null ? "" : e.password(),
            StandardCharsets.UTF_8));
      }
      clients.put(d.code(), b.build());
    }
  }

  /** Posts to a system of the catalogue (its code, e.g. {@code mz}). */
  public JsonNode post(String system, String operation, String idempotencyKey, Object body) {
    RestClient client = clients.get(system);
    if (client == null) {
      throw new IllegalArgumentException("No department system '" + system + "' in the catalogue");
    }
    Department department = departments.get(system);
    try {
      return exchange(client, department, operation, idempotencyKey, body);
    } catch (ResourceAccessException e) {
      if (!lostConnection(e)) {
        throw new DepartmentUnavailableException(department, operation, "无法连接或超时", e);
      }
      // the connection broke before any answer (typically a kept-alive one the department had just closed):
      // once more at once, on a new connection — the idempotency key makes a repeated request safe
      log.info("{}/{} request {}: connection lost ({}); sending it again", department.code(), operation,
          idempotencyKey, e.getMostSpecificCause().toString());
      try {
        return exchange(client, department, operation, idempotencyKey, body);
      } catch (ResourceAccessException again) {
        throw new DepartmentUnavailableException(department, operation, "无法连接或超时", again);
      }
    }
  }

  /** A broken or refused connection, not a timeout (a timed-out department is not asked again at once). */
  static boolean lostConnection(ResourceAccessException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
        return false;
      }
    }
    return e.getCause() instanceof java.io.IOException;
  }

  private JsonNode exchange(RestClient client, Department department, String operation, String idempotencyKey,
      Object body) {
    try {
      return client.post()
          .uri("/" + operation)
          .contentType(MediaType.APPLICATION_JSON)
          .accept(MediaType.APPLICATION_JSON)
          .header(IDEMPOTENCY_KEY, idempotencyKey)
          .body(body)
          .exchange((request, response) -> {
            HttpStatusCode status = response.getStatusCode();
            // from here on the department has answered: a fault reading it is not a lost connection
            boolean readable = status.is2xxSuccessful() || status.value() == 422;
            JsonNode answer = null;
            try {
              byte[] raw = response.getBody().readAllBytes();
              if (readable) {
                answer = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
              }
            } catch (java.io.IOException e) {
              throw new DepartmentUnavailableException(department, operation, "答复无法读取", e);
            }
            if (status.is2xxSuccessful()) {
              return answer;
            }
            if (status.value() == 422) {
              JsonNode refusal = answer;
              log.info("{}/{} refused request {}: {}", department.code(), operation, idempotencyKey,
                  refusal.path("code").asText());
              throw new DepartmentRefusalException(department, refusal.path("code").asText("REFUSED"),
                  refusal.path("message").asText(department.displayName() + "拒绝办理"));
            }
            throw new DepartmentUnavailableException(department, operation, "HTTP " + status.value(), null);
          });
    } catch (ResourceAccessException e) {
      throw e;
    } catch (DepartmentRefusalException | DepartmentUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DepartmentUnavailableException(department, operation, "答复无法读取", e);
    }
  }

  /** A text field the department must return. */
  public static String required(JsonNode answer, String field, String system) {
    JsonNode v = answer.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new DepartmentUnavailableException(system, field, "answer lacks '" + field + "'", null);
    }
    return v.asText();
  }

  /** An amount of money (yuan) the department must return. */
  public static java.math.BigDecimal amount(JsonNode answer, String field, String system) {
    String v = required(answer, field, system);
    try {
      java.math.BigDecimal amount = new java.math.BigDecimal(v);
      if (amount.scale() > 4 || amount.precision() - amount.scale() > 15) {
        throw new NumberFormatException("out of range");
      }
      return amount;
    } catch (NumberFormatException e) {
      throw new DepartmentUnavailableException(system, field, "answer's '" + field + "' is not an amount", null);
    }
  }

  /** A count (0 or more) the department must return. */
  public static int count(JsonNode answer, String field, String system) {
    JsonNode v = answer.get(field);
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 0) {
      throw new DepartmentUnavailableException(system, field, "answer lacks the count '" + field + "'", null);
    }
    return v.intValue();
  }

  /** A yes/no the department must return. */
  public static boolean flag(JsonNode answer, String field, String system) {
    JsonNode v = answer.get(field);
    if (v == null || !v.isBoolean()) {
      throw new DepartmentUnavailableException(system, field, "answer lacks the yes/no '" + field + "'", null);
    }
    return v.booleanValue();
  }
}
