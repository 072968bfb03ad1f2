package cn.jiaxing.yijianshi;

import cn.jiaxing.yijianshi.marriagebirth.BirthVariables;
import cn.jiaxing.yijianshi.marriagebirth.MarriageVariables;
import java.util.HashMap;
import java.util.Map;

/** Valid start-form variables, as the front desk would fill them in. */
public final class TestApplications {

  private TestApplications() {
  }

  /** A marriage registration by a groom of 31 and a bride of 29, both present, the declaration signed. */
  public static Map<String, Object> marriage(String groomName, String brideName) {
    return new HashMap<>(Map.of(MarriageVariables.GROOM_NAME, groomName,
        MarriageVariables.GROOM_ID_NUMBER, TestPeople.man(31), MarriageVariables.BRIDE_NAME, brideName,
        MarriageVariables.BRIDE_ID_NUMBER, TestPeople.woman(29), MarriageVariables.DECLARATION_SIGNED, true,
        MarriageVariables.BOTH_PRESENT, true));
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

  /** A 身后一件事 application by the deceased's daughter: a death in hospital three days ago. */
  public static Map<String, Object> afterDeath(String deceasedIdNumber, String applicantIdNumber, String email) {
    Map<String, Object> v = new HashMap<>();
    v.put(cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.DECEASED_NAME, "张建国");
    v.put(cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.DECEASED_ID_NUMBER, deceasedIdNumber);
    v.put(cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.DATE_OF_DEATH, TestPeople.today().minusDays(3).toString());
    v.put(cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.DEATH_KIND, "HOSPITAL");
    v.put(cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.DEATH_PROOF_NUMBER, "SZ330400-2026-" + (System.nanoTime() % 100000));
    v.put(cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.APPLICANT_NAME, "张丽");
    v.put(cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.APPLICANT_ID_NUMBER, applicantIdNumber);
    v.put(cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.RELATIONSHIP, "CHILD");
    v.put(cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.APPLICANT_EMAIL, email);
    v.put(cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.DECLARATION_SIGNED, true);
    return v;
  }

  /**
   * A 社会救助 application at the township window: a mother and her son at school, signed authorization, not
   * urgent; the applicant's ID sequence code chooses what the simulated sources hold (README, Simulated departments).
   */
  public static Map<String, Object> socialAssistance(String applicantIdNumber, String memberIdNumber, String email) {
    Map<String, Object> v = new HashMap<>();
    v.put(cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.APPLICANT_NAME, "王秀英");
    v.put(cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.APPLICANT_ID_NUMBER, applicantIdNumber);
    v.put(cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.APPLICANT_EMAIL, email);
    v.put(cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.RESIDENCE_ADDRESS, "嘉兴市南湖区新兴街道某小区1幢101室");
    v.put(cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.CHANNEL, "WINDOW");
    v.put(cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.MEMBER_IDS, memberIdNumber);
    v.put(cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.APPLICATION_REASON, "丈夫去世，本人无固定工作，独自抚养在学子女");
    v.put(cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.DISABLED_MEMBERS, 0);
    v.put(cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.SCHOOL_CHILDREN, 1);
    v.put(cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.UNEMPLOYED_MEMBERS, 0);
    v.put(cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.AUTHORIZATION_SIGNED, true);
    v.put(cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.DECLARATION_SIGNED, true);
    return v;
  }

  /** A school's mandatory report on a child with injuries, the reporter asking to stay anonymous to the family. */
  public static Map<String, Object> childProtectionReport(String childIdNumber, String childName, String email) {
    Map<String, Object> v = new HashMap<>();
    v.put(cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.REPORTER_KIND, "SCHOOL");
    v.put(cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.REPORTER_NAME, "南湖区某小学 李老师");
    v.put(cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.REPORTER_PHONE, "0573-82000000");
    v.put(cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.REPORTER_EMAIL, email);
    v.put(cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.ANONYMOUS_TO_FAMILY, true);
    v.put(cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.OBSERVED, "学生手臂多处淤青，自述被父亲殴打");
    v.put(cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.CHILD_LOCATION, "南湖区某小学");
    v.put(cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.CHILD_NAME, childName);
    v.put(cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.CHILD_ID_NUMBER, childIdNumber);
    v.put(cn.jiaxing.yijianshi.childprotection.ChildProtectionVariables.CHILD_AGE, 9);
    return v;
  }
}
