package cn.jiaxing.yijianshi.sla;

import cn.jiaxing.yijianshi.departments.Department;
import cn.jiaxing.yijianshi.departments.Departments;
import org.springframework.stereotype.Component;

/** The name staff see for the department of an SLA record: a catalogue role or system, or one of the platform's own. */
@Component
class DepartmentNames {

  private final Departments departments;

  DepartmentNames(Departments departments) {
    this.departments = departments;
  }

  String of(String code) {
    if (code == null || SlaRecords.CASE_STEP.equals(code)) {
      return "全案承诺时限";
    }
    if (SlaRecords.EVENT_WAIT.equals(code)) {
      return "等待外部结果";
    }
    if ("frontdesk".equals(code)) {
      return "综合受理窗口（申请人补正）";
    }
    return departments.find(code).map(Department::displayName).orElse(code);
  }
}
