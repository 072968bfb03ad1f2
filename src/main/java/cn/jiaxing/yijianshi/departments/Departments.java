package cn.jiaxing.yijianshi.departments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.stereotype.Component;

/**
 * The departments catalogue ({@code departments.yaml}): every organisation's roles (candidate
 * groups) and systems. Identity creates a group (and in the demo a clerk) per role; the HTTP
 * clients reach each system; the SLA views and the progress query show their names; the
 * conventions test checks the models against it. Checked at start-up: codes unique and usable.
 */
@Component
public class Departments {

  /** Codes the platform uses for itself. */
  private static final Set<String> RESERVED = Set.of("frontdesk", "supervisor", "case", "wait", "camunda-admin");

  private final Map<String, Department> byCode = new LinkedHashMap<>();
  private final List<Department> roles = new ArrayList<>();
  private final List<Department> systems = new ArrayList<>();
  private final Map<String, DemoUser> demoUsers = new LinkedHashMap<>();

  Departments(CatalogueProperties catalogue) {
    if (catalogue.organisations() == null || catalogue.organisations().isEmpty()) {
      throw new IllegalStateException("The departments catalogue is empty: is departments.yaml imported?");
    }
    catalogue.organisations().forEach((id, org) -> {
      Map<String, CatalogueProperties.Role> orgRoles = org.roles() == null ? Map.of() : org.roles();
      orgRoles.forEach((code, role) -> {
        Department d = add(id, code, role.name(), org.name());
        roles.add(d);
        if (role.demoUser() != null) {
          demoUsers.put(code, role.demoUser());
        }
      });
      for (String code : org.systems() == null ? List.<String>of() : org.systems()) {
        Department d = byCode.containsKey(code) && orgRoles.containsKey(code) ? byCode.get(code)
            : add(id, code, org.name(), org.name());
        systems.add(d);
      }
    });
  }

  private Department add(String organisationId, String code, String name, String organisation) {
    if (code == null || !code.matches("[a-z][a-z0-9]{1,15}") || RESERVED.contains(code)) {
      throw new IllegalStateException("Catalogue " + organisationId + ": code '" + code
          + "' must be 2–16 lower-case letters or digits and not one of " + RESERVED);
    }
    if (byCode.containsKey(code)) {
      throw new IllegalStateException("Catalogue " + organisationId + ": code '" + code + "' is used twice");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalStateException("Catalogue " + organisationId + ": '" + code + "' has no name");
    }
    Department d = new Department(code, name, organisation);
    byCode.put(code, d);
    return d;
  }

  /** The catalogue in a YAML file on the class path, outside Spring (the conventions test reads it so). */
  public static Departments read(String classpathResource) {
    try {
      var sources = new YamlPropertySourceLoader().load("catalogue", new ClassPathResource(classpathResource));
      StandardEnvironment environment = new StandardEnvironment();
      sources.forEach(environment.getPropertySources()::addLast);
      return new Departments(Binder.get(environment).bind("yijianshi.catalogue", CatalogueProperties.class)
          .orElseThrow(() -> new IllegalStateException("No yijianshi.catalogue in " + classpathResource)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Department> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  public Department get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("No department '" + code + "' in the catalogue"));
  }

  /** The roles: one candidate group each. */
  public List<Department> roles() {
    return Collections.unmodifiableList(roles);
  }

  /** The systems department steps call. */
  public List<Department> systems() {
    return Collections.unmodifiableList(systems);
  }

  /** A role's demo clerk (created only when {@code yijianshi.demo.enabled}). */
  public record DemoUser(String id, String firstName, String lastName) {
  }

  /** A role's demo clerk, if the catalogue names one. */
  public Optional<DemoUser> demoUser(String roleCode) {
    return Optional.ofNullable(demoUsers.get(roleCode));
  }
}
