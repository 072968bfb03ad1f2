package cn.jiaxing.yijianshi.departments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The departments catalogue: what departments.yaml says, and the mistakes it refuses at start-up. */
class DepartmentsTests {

  @Test
  void theCatalogueHasTheRolesAndSystemsOfTheCity() {
    Departments catalogue = Departments.read("departments.yaml");
    assertThat(catalogue.roles()).extracting(Department::code)
        .contains("mz", "mzbz", "mzjz", "mzwb", "ga", "jg", "wj", "jk", "yb", "rs", "cl", "gjj", "bdc", "yh", "zq", "bx", "xzjz", "jy", "zj", "yj", "cs", "scjg", "sw",
            "gawc", "wbsp", "xzwb", "jcy", "fy", "sg");
    // 民政 is one organisation with several roles, and two systems (婚姻登记, 社会救助)
    assertThat(catalogue.roles()).filteredOn(d -> d.organisation().equals("嘉兴市民政局")).hasSize(5);
    assertThat(catalogue.systems()).extracting(Department::code)
        .containsExactly("mz", "mzjz", "ga", "jg", "wj", "jk", "yb", "rs", "cl", "gjj", "bdc", "yh", "zq", "bx", "scjg", "sw", "fy");
    assertThat(catalogue.get("mzjz").displayName()).isEqualTo("民政局（社会救助）");
    assertThat(catalogue.get("wj").displayName()).isEqualTo("卫生健康委员会");
    assertThat(catalogue.demoUser("mz")).hasValueSatisfying(u -> assertThat(u.id()).isEqualTo("minzheng"));
    assertThat(catalogue.demoUser("mzbz")).hasValueSatisfying(u -> assertThat(u.id()).isEqualTo("binzang"));
    assertThat(catalogue.demoUser("mzwb")).hasValueSatisfying(u -> assertThat(u.id()).isEqualTo("baohu"));
    assertThat(catalogue.demoUser("fy")).isEmpty();
    // 社会救助: the township window is an organisation with a role and no system
    assertThat(catalogue.demoUser("xzjz")).hasValueSatisfying(u -> assertThat(u.id()).isEqualTo("xiangzhen"));
    assertThat(catalogue.demoUser("mzjz")).hasValueSatisfying(u -> assertThat(u.id()).isEqualTo("jiuzhu"));
    assertThat(catalogue.demoUser("bdc")).hasValueSatisfying(u -> assertThat(u.id()).isEqualTo("budongchan"));
    // 交管 is a role and a system of 公安, beside 户籍
    assertThat(catalogue.get("jg").displayName()).isEqualTo("公安局（交通管理）");
    assertThat(catalogue.find("frontdesk")).isEmpty();
  }

  @Test
  void aSystemThatIsNoRoleIsNamedAfterItsOrganisation() {
    Departments catalogue = new Departments(catalogue(Map.of("bdc", new CatalogueProperties.Organisation("嘉兴市不动产登记中心",
        Map.of("bdcdj", new CatalogueProperties.Role("不动产登记中心（登记）", null)), List.of("bdc")))));
    assertThat(catalogue.get("bdc").displayName()).isEqualTo("嘉兴市不动产登记中心");
    assertThat(catalogue.systems()).extracting(Department::code).containsExactly("bdc");
    assertThat(catalogue.roles()).extracting(Department::code).containsExactly("bdcdj");
  }

  @Test
  void mistakesAreRefusedWithTheirPlace() {
    var role = new CatalogueProperties.Role("某部门", null);
    assertThatThrownBy(() -> new Departments(catalogue(Map.of(
        "a", new CatalogueProperties.Organisation("甲", Map.of("dup", role), List.of()),
        "b", new CatalogueProperties.Organisation("乙", Map.of("dup", role), List.of())))))
        .hasMessageContaining("'dup' is used twice");
    assertThatThrownBy(() -> new Departments(catalogue(Map.of(
        "a", new CatalogueProperties.Organisation("甲", Map.of("frontdesk", role), List.of())))))
        .hasMessageContaining("code 'frontdesk'");
    assertThatThrownBy(() -> new Departments(catalogue(Map.of(
        "a", new CatalogueProperties.Organisation("甲", Map.of("Too-Long-Code-For-A-Column", role), List.of())))))
        .hasMessageContaining("2–16 lower-case letters");
    assertThatThrownBy(() -> new Departments(catalogue(Map.of(
        "a", new CatalogueProperties.Organisation("甲", Map.of("x1", new CatalogueProperties.Role(" ", null)),
            List.of())))))
        .hasMessageContaining("'x1' has no name");
    assertThatThrownBy(() -> new Departments(new CatalogueProperties(null))).hasMessageContaining("catalogue is empty");
  }

  private static CatalogueProperties catalogue(Map<String, CatalogueProperties.Organisation> organisations) {
    return new CatalogueProperties(new LinkedHashMap<>(organisations));
  }
}
