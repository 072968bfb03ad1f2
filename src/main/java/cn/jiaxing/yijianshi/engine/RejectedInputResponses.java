package cn.jiaxing.yijianshi.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
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
 */
@Configuration
class RejectedInputResponses {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> rejectedInputFilter(ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
      }

      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        RejectedInputException.takeLast();
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        try {
          chain.doFilter(request, buffered);
        } finally {
          String rejected = RejectedInputException.takeLast();
          if (rejected != null && buffered.getStatus() >= 400 && buffered.getStatus() != 403) {
            buffered.resetBuffer();
            buffered.setStatus(400);
            buffered.setContentType("application/json;charset=UTF-8");
            json.writeValue(buffered.getOutputStream(),
                Map.of("type", "RejectedInputException", "message", rejected, "code", 0));
          }
          buffered.copyBodyToResponse();
        }
      }
    });
    registration.setName("rejected-input-responses");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(20);
    return registration;
  }
}
