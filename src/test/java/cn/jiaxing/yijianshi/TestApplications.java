package cn.jiaxing.yijianshi;

import cn.jiaxing.yijianshi.marriagebirth.BirthVariables;
import java.util.HashMap;
import java.util.Map;

/** Valid start-form variables, as the front desk would fill them in. */
public final class TestApplications {

  private TestApplications() {
  }

  /** A 出生一件事 application for a girl born three days ago, joining the father's household. */
  public static Map<String, Object> birth(String motherIdNumber, String fatherIdNumber, String email) {
    Map<String, Object> v = new HashMap<>();
    v.put(BirthVariables.CHILD_NAME, "张小宝");
    v.put(BirthVariables.CHILD_SEX, "F");
    v.put(BirthVariables.CHILD_BIRTH_DATE, TestPeople.today().minusDays(3).toString());
    v.put(BirthVariables.BIRTH_HOSPITAL, "嘉兴市妇幼保健院");
    v.put(BirthVariables.MOTHER_NAME, "王芳");
    v.put(BirthVariables.MOTHER_ID_NUMBER, motherIdNumber);
    v.put(BirthVariables.FATHER_NAME, "张伟");
    v.put(BirthVariables.FATHER_ID_NUMBER, fatherIdNumber);
    v.put(BirthVariables.HOUSEHOLD_PARENT, "FATHER");
    v.put(BirthVariables.APPLICANT_EMAIL, email);
    v.put(BirthVariables.DECLARATION_SIGNED, true);
    return v;
  }
}
