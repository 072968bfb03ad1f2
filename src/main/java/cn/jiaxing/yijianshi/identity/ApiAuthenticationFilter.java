package cn.jiaxing.yijianshi.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authentication of {@code /api/*}: HTTP basic against the engine's users (the same accounts as
 * Tasklist and Cockpit), or the Camunda webapp session of a user logged in to Cockpit (the SLA
 * plugin calls the API from the browser); then the groups each API path admits. 401 without
 * valid credentials, 403 for a user outside the admitted groups.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

  /** Path prefix → groups admitted. The first matching prefix wins. */
  static final Map<String, Set<String>> ACCESS = Map.of(
      "/api/cases", Set.of(StaffGroups.FRONT_DESK, StaffGroups.SUPERVISOR, StaffGroups.ADMIN),
      "/api/sla", Set.of(StaffGroups.SUPERVISOR, StaffGroups.ADMIN),
      "/api/openapi", Set.of(StaffGroups.FRONT_DESK, StaffGroups.SUPERVISOR, StaffGroups.ADMIN),
      "/api/docs", Set.of(StaffGroups.FRONT_DESK, StaffGroups.SUPERVISOR, StaffGroups.ADMIN));

  private final LoginCache logins;
  private final ObjectMapper json;

  ApiAuthenticationFilter(LoginCache logins, ObjectMapper json) {
    this.logins = logins;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    String user = null;
    if (header != null && header.startsWith("Basic ")) {
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0 && logins.checkPassword(decoded.substring(0, colon), decoded.substring(colon + 1))) {
          user = decoded.substring(0, colon);
        }
      } catch (IllegalArgumentException e) {
        user = null;
      }
    }
    List<String> groups = null;
    if (user == null) {
      UserAuthentication session = webappSession(request);
      if (session != null) {
        user = session.getName();
        groups = session.getGroupIds();
      }
    }
    if (user == null) {
      if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
        // no challenge for the Cockpit plugin's requests: the browser would open its own login dialog
        response.setHeader("WWW-Authenticate", "Basic realm=\"yijianshi\", charset=\"UTF-8\"");
      }
      deny(response, 401, "UNAUTHENTICATED", "请使用平台账号登录（HTTP Basic）");
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Set<String> admitted = ACCESS.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
        .map(Map.Entry::getValue).findFirst().orElse(Set.of(StaffGroups.ADMIN));
    if (groups == null) {
      groups = logins.groupsOf(user);
    }
    if (groups.stream().noneMatch(admitted::contains)) {
      deny(response, 403, "FORBIDDEN", "当前账号无权访问该接口");
      return;
    }
    String authenticated = user;
    // the API sees who asked as the request's remote user (e.g. who granted an extension)
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override
      public String getRemoteUser() {
        return authenticated;
      }
    }, response);
  }

  private static UserAuthentication webappSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentication auth = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine("default");
    return auth instanceof UserAuthentication user ? user : null;
  }

  private void deny(HttpServletResponse response, int status, String code, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    json.writeValue(response.getOutputStream(), Map.of("error", code, "message", message));
  }
}
