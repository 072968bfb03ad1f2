package cn.jiaxing.yijianshi.departments;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code yijianshi.catalogue} as written in {@code departments.yaml}. */
@ConfigurationProperties("yijianshi.catalogue")
record CatalogueProperties(Map<String, Organisation> organisations) {

  record Organisation(String name, Map<String, Role> roles, List<String> systems) {
  }

  record Role(String name, Departments.DemoUser demoUser) {
  }
}
