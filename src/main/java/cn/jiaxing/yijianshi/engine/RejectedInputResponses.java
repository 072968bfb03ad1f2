package cn.jiaxing.yijianshi.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda answers a failing start or completion with 500 and a message wrapped in engine prefixes
 * ("Cannot instantiate process definition …", "ENGINE-03051 … TaskListener …"). When the failure
 * was a {@link RejectedInputException} thrown on the request's thread, this filter answers 400 with
 * just the clerk-facing Chinese message instead — on the REST API ({@code /engine-rest}) and on
 * the webapps' own engine API that Tasklist uses ({@code /camunda/api/engine}).
 *
 * <p>A clerk's action that collided with the engine's own work on the same case (an optimistic
 * locking conflict: e.g. a refusal ending the case while a parallel department step finishes) was
 * rolled back whole; it is tried again, up to {@value #ATTEMPTS} times, then answered 409 in Chinese
 * — never a 500. (The request body is replayable: {@link RestInputGuard} runs first and caches it.)
 */
@Configuration
class RejectedInputResponses {

  static final int ATTEMPTS = 3;
  private static final Logger log = LoggerFactory.getLogger(RejectedInputResponses.class);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> rejectedInputFilter(ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(json));
    registration.setName("rejected-input-responses");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(20);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final ObjectMapper json;

    Filter(ObjectMapper json) {
      this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
      try {
        for (int attempt = 1; ; attempt++) {
          RejectedInputException.takeLast();
          chain.doFilter(request, buffered);
          String rejected = RejectedInputException.takeLast();
          if (rejected != null && buffered.getStatus() >= 400 && buffered.getStatus() != 403) {
            answer(buffered, 400, "RejectedInputException", rejected);
            return;
          }
          if (!conflict(buffered)) {
            return;
          }
          if (attempt == ATTEMPTS) {
            log.warn("{} {} conflicted with the engine's own work {} times; answered 409", request.getMethod(),
                request.getRequestURI(), ATTEMPTS);
            answer(buffered, 409, "OptimisticLockingException", "办件正由系统同时处理，未能提交，请稍后再试");
            return;
          }
          log.info("{} {} conflicted with the engine's own work; trying again", request.getMethod(),
              request.getRequestURI());
          buffered.resetBuffer();
          buffered.setStatus(200);
        }
      } finally {
        buffered.copyBodyToResponse();
      }
    }

    /**
     * What the database and the engine say when two transactions on the same case collided and one was
     * rolled back whole: Camunda's optimistic locking failure (typed OptimisticLockingException by
     * /complete, wrapped in a RestException "Cannot submit task form …: ENGINE-03005 …" by /submit-form,
     * which Tasklist uses), and MySQL/MariaDB's deadlock victim and lock wait timeout, which Camunda passes
     * on as a ProcessEngineException with the driver's message (three clerks completing parallel
     * branches of one case at once on MariaDB). A deadlock found while the engine flushes reaches the body only
     * as "An exception occurred in the persistence layer", with Camunda's built-in error code: 10000 (deadlock),
     * next to 1 (optimistic locking).
     */
    static final java.util.List<String> COLLISIONS = java.util.List.of("OptimisticLockingException", "ENGINE-03005",
        "Deadlock found when trying to get lock", "Lock wait timeout exceeded", "try restarting transaction");

    /** Camunda's {@code BuiltinExceptionCode}s OPTIMISTIC_LOCKING (1) and DEADLOCK (10000) in an error body. */
    static final java.util.regex.Pattern COLLISION_CODE = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*(1|10000)\\s*[,}]");

    private static boolean conflict(ContentCachingResponseWrapper response) {
      if (response.getStatus() < 500) {
        return false;
      }
      String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
      return COLLISIONS.stream().anyMatch(body::contains) || COLLISION_CODE.matcher(body).find();
    }

    private void answer(ContentCachingResponseWrapper response, int status, String type, String message)
        throws IOException {
      response.resetBuffer();
      response.setStatus(status);
      response.setContentType("application/json;charset=UTF-8");
      json.writeValue(response.getOutputStream(), Map.of("type", type, "message", message, "code", 0));
    }
  }
}
