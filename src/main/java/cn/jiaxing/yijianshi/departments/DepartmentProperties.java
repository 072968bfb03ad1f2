package cn.jiaxing.yijianshi.departments;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the department systems (of the catalogue, see {@link Departments}) are and how to reach them. A department without an entry in
 * {@code endpoints} is reached at {@code default-base-url}/{code} with the default credentials.
 *
 * <pre>
 * yijianshi.departments:
 *   timeout: PT10S
 *   default-base-url: http://localhost:8080/sim
 *   username: yijianshi
 *   password: secret
 *   endpoints:
 *     ga: { base-url: https://gaj.example/api/hj, username: u, password: p, timeout: PT20S }
 * </pre>
 */
@ConfigurationProperties("yijianshi.departments")
public record DepartmentProperties(
    @DefaultValue("PT10S") Duration timeout,
    String defaultBaseUrl,
    String username,
    String password,
    Map<String, Endpoint> endpoints) {

  public record Endpoint(String baseUrl, String username, String password, Duration timeout) {
  }

  /** The effective endpoint of a department. */
  public Endpoint endpoint(String system) {
    Endpoint own = endpoints == null ? null : endpoints.get(system);
    String base = own != null && own.baseUrl() != null ? own.baseUrl() : defaultBaseUrl + "/" + system;
    return new Endpoint(
        base.endsWith("/") ? base.substring(0, base.length() - 1) : base,
        own != null && own.username() != null ? own.username() : username,
        own != null && own.password() != null ? own.password() : password,
        own != null && own.timeout() != null ? own.timeout() : timeout);
  }
}
