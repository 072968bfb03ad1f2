package cn.jiaxing.yijianshi.childprotection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.casefile.CaseType;
import cn.jiaxing.yijianshi.departments.Department;
import cn.jiaxing.yijianshi.departments.Departments;
import cn.jiaxing.yijianshi.identity.StaffGroups;
import org.junit.jupiter.api.Test;

/** Who may look a child-protection case up: its readers are catalogue roles; the overseers are the platform's groups. */
class ChildProtectionCasesTests {

  @Test
  void theReadersAreTheChildProtectionRolesAndNotTheFrontDesk() {
    CaseType type = ChildProtectionCases.CHILD_PROTECTION;
    assertThat(type.confidential()).isTrue();
    assertThat(Departments.read("departments.yaml").roles()).extracting(Department::code).containsAll(type.readers());
    assertThat(type.readers()).doesNotContain(StaffGroups.FRONT_DESK);
    assertThat(CaseType.OVERSEERS).containsExactlyInAnyOrder(StaffGroups.SUPERVISOR, StaffGroups.ADMIN);
    assertThat(new CaseType("X_Y", "XY", "x", "XProcess").confidential()).isFalse();
  }
}
