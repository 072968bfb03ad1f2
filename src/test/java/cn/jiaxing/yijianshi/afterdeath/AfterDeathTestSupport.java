package cn.jiaxing.yijianshi.afterdeath;

import static cn.jiaxing.yijianshi.afterdeath.AfterDeathVariables.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import cn.jiaxing.yijianshi.ProcessTestSupport;
import cn.jiaxing.yijianshi.TestPeople;
import cn.jiaxing.yijianshi.departments.HealthCommissionClient;
import cn.jiaxing.yijianshi.departments.HouseholdRegistryClient;
import cn.jiaxing.yijianshi.departments.HousingFundClient;
import cn.jiaxing.yijianshi.departments.MedicalInsuranceClient;
import cn.jiaxing.yijianshi.departments.PensionClient;
import cn.jiaxing.yijianshi.departments.SocialAssistanceClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** 身后一件事 on the real engine: the deceased, the applicant, and every department answering as usual. */
abstract class AfterDeathTestSupport extends ProcessTestSupport {

  protected String deceased;
  protected String applicant;
  protected LocalDate died;

  @BeforeEach
  void theDepartmentsAnswer() {
    deceased = TestPeople.man(82);
    applicant = TestPeople.woman(50);
    died = TestPeople.today().minusDays(3);
    when(health.confirmDeathProof(anyString(), anyString(), anyString(), any(), anyString(), anyString()))
        .thenAnswer(a -> new HealthCommissionClient.DeathProof(a.getArgument(5), "嘉兴市第一医院"));
    when(households.confirmNonNaturalDeath(anyString(), anyString(), anyString(), any()))
        .thenReturn(new HealthCommissionClient.DeathProof("SW330420260001", "嘉兴市公安局"));
    when(households.householdRecord(anyString(), anyString())).thenReturn(new HouseholdRegistryClient.HouseholdRecord(true, true));
    when(households.cancelHousehold(anyString(), anyString(), any(), anyString())).thenReturn("HKZX1");
    when(assistance.assistanceStatus(anyString(), anyString())).thenReturn("NONE");
    when(assistance.stopAllowances(anyString(), anyString(), any()))
        .thenReturn(new SocialAssistanceClient.AllowanceStop("MZTF1", "高龄津贴"));
    when(pensions.settleAfterDeath(anyString(), anyString(), any(), any(), anyString()))
        .thenReturn(new PensionClient.PensionSettlement("YLJS1", new BigDecimal("5000"), new BigDecimal("24000"),
            new BigDecimal("12345.6")));
    when(insurance.stopCoverage(anyString(), anyString(), any(), anyString()))
        .thenReturn(new MedicalInsuranceClient.CoverageStop("YBZZ1", died, new BigDecimal("800.5")));
    when(disability.cancelDisabilityCard(anyString(), anyString(), any())).thenReturn("CJZX1");
    when(housingFund.withdrawForHeir(anyString(), anyString(), anyString()))
        .thenReturn(new HousingFundClient.Withdrawal("GJJTQ1", new BigDecimal("30000")));
  }

  /** A complete application: a hospital death three days ago, the daughter applying. */
  protected Map<String, Object> application() {
    Map<String, Object> v = new HashMap<>();
    v.put(DECEASED_NAME, "张建国");
    v.put(DECEASED_ID_NUMBER, deceased);
    v.put(DATE_OF_DEATH, died.toString());
    v.put(DEATH_KIND, "HOSPITAL");
    v.put(DEATH_PROOF_NUMBER, "SZ330400-2026-0001");
    v.put(PLACE_OF_DEATH, "嘉兴市第一医院");
    v.put(APPLICANT_NAME, "张丽");
    v.put(APPLICANT_ID_NUMBER, applicant);
    v.put(RELATIONSHIP, "CHILD");
    v.put(APPLICANT_EMAIL, "zhangli@example.cn");
    v.put(DECLARATION_SIGNED, true);
    return v;
  }
}
