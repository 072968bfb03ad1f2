package bench.bare;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bare Camunda 7.24 on Spring Boot: the engine, its REST API behind basic authentication, and the
 * users the load driver acts as (front desk, 民政, 公安 and an admin for polling), with the
 * authorizations Camunda needs for them and nothing of the platform.
 */
@SpringBootApplication
public class BareCamundaApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApplication.class, args);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  /** Users, groups, authorizations and the stripped models, once the engine is up. */
  @Component
  static class Setup {
    private final ProcessEngine engine;
    private final Path models;

    Setup(ProcessEngine engine, @Value("${bare.models}") Path models) {
      this.engine = engine;
      this.models = models;
    }

    @EventListener(ApplicationReadyEvent.class)
    void setUp() throws IOException {
      IdentityService identity = engine.getIdentityService();
      if (identity.createUserQuery().userId("qiantai").count() == 0) {
        user(identity, "qiantai", "frontdesk");
        user(identity, "minzheng", "mz");
        user(identity, "gongan", "ga");
        user(identity, "weijian", "wj");
        user(identity, "admin", "camunda-admin");
        AuthorizationService authorizations = engine.getAuthorizationService();
        grant(authorizations, "camunda-admin", Resources.PROCESS_DEFINITION, Permissions.ALL);
        grant(authorizations, "camunda-admin", Resources.PROCESS_INSTANCE, Permissions.ALL);
        grant(authorizations, "camunda-admin", Resources.TASK, Permissions.ALL);
        grant(authorizations, "camunda-admin", Resources.HISTORIC_PROCESS_INSTANCE, Permissions.ALL);
        grant(authorizations, "frontdesk", Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.CREATE_INSTANCE);
        grant(authorizations, "frontdesk", Resources.PROCESS_INSTANCE, Permissions.CREATE);
        for (String group : List.of("mz", "ga", "wj")) {
          grant(authorizations, group, Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.READ_TASK);
        }
      }
      var deployment = engine.getRepositoryService().createDeployment().name("bare").enableDuplicateFiltering(true);
      try (Stream<Path> files = Files.list(models)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).toList()) {
          deployment.addString(file.getFileName().toString(), Files.readString(file));
        }
      }
      deployment.deploy();
    }

    private static void user(IdentityService identity, String id, String group) {
      var user = identity.newUser(id);
      user.setPassword("demo");
      identity.saveUser(user);
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        identity.saveGroup(identity.newGroup(group));
      }
      identity.createMembership(id, group);
    }

    private static void grant(AuthorizationService service, String group, Resource resource, Permission... permissions) {
      Authorization a = service.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setGroupId(group);
      a.setResource(resource);
      a.setResourceId("*");
      for (Permission p : permissions) {
        a.addPermission(p);
      }
      service.saveAuthorization(a);
    }
  }

  /** Every service task of the stripped models: one HTTP call, its answer stored as a variable. */
  @Component("httpCall")
  static class HttpCallDelegate implements JavaDelegate {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;

    HttpCallDelegate(@Value("${bare.department-url}") String url) {
      this.url = URI.create(url);
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
      String key = execution.getProcessBusinessKey() + ":" + execution.getCurrentActivityId();
      var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json").header("Idempotency-Key", key)
          .POST(HttpRequest.BodyPublishers.ofString("{\"case\":\"" + key + "\"}")).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("department answered " + response.statusCode());
      }
      execution.setVariable(execution.getCurrentActivityId() + "Answer", response.body());
    }
  }

  /** The department's side: answers after the configured latency. */
  @RestController
  static class Department {
    private final Duration latency;

    Department(@Value("${bare.latency}") Duration latency) {
      this.latency = latency;
    }

    @PostMapping("/dept")
    Map<String, Object> answer(@RequestBody Map<String, Object> body) throws InterruptedException {
      if (!latency.isZero()) {
        Thread.sleep(latency.toMillis());
      }
      return Map.of("status", "DONE", "reference", String.valueOf(body.get("case")));
    }
  }
}
