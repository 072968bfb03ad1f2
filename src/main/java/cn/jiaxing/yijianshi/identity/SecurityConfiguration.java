package cn.jiaxing.yijianshi.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Nothing under {@code /engine-rest} or {@code /api} answers without a valid user. */
@Configuration
class SecurityConfiguration {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(LoginCache logins) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new CachedEngineAuthentication(logins));
    registration.setName("engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(LoginCache logins, ObjectMapper json) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(logins, json));
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(10);
    return registration;
  }

  /** Camunda's basic authentication of {@code /engine-rest}, asking {@link LoginCache} instead of the database each call. */
  static final class CachedEngineAuthentication extends ProcessEngineAuthenticationFilter {

    private final LoginCache logins;

    CachedEngineAuthentication(LoginCache logins) {
      this.logins = logins;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
      super.init(config);
      authenticationProvider = new HttpBasicAuthenticationProvider() {
        @Override
        protected boolean isAuthenticated(ProcessEngine engine, String user, String password) {
          return logins.checkPassword(user, password);
        }
      };
    }

    @Override
    protected List<String> getGroupsOfUser(ProcessEngine engine, String user) {
      return logins.groupsOf(user);
    }

    @Override
    protected List<String> getTenantsOfUser(ProcessEngine engine, String user) {
      return logins.tenantsOf(user);
    }
  }
}
