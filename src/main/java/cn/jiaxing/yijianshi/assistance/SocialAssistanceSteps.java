package cn.jiaxing.yijianshi.assistance;

import static cn.jiaxing.yijianshi.assistance.SocialAssistanceVariables.*;

import cn.jiaxing.yijianshi.casefile.CaseFiles;
import cn.jiaxing.yijianshi.departments.DepartmentUnavailableException;
import cn.jiaxing.yijianshi.departments.EconomicCheckClient;
import cn.jiaxing.yijianshi.departments.SocialAssistanceClient;
import cn.jiaxing.yijianshi.engine.DepartmentStep;
import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import cn.jiaxing.yijianshi.engine.StepCall;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The department calls of {@code SocialAssistanceProcess} (domain.md §3). */
final class SocialAssistanceSteps {

  private static final Logger log = LoggerFactory.getLogger(SocialAssistanceSteps.class);

  private SocialAssistanceSteps() {
  }

  /** The household's ID numbers: the applicant first, then the members named. */
  static List<String> household(StepCall scope) {
    List<String> ids = new ArrayList<>();
    ids.add(scope.getVariable(APPLICANT_ID_NUMBER).toString());
    Object members = scope.getVariable(MEMBER_IDS);
    if (members != null && !members.toString().isBlank()) {
      ids.addAll(List.of(members.toString().split("\n")));
    }
    return ids;
  }

  static String yuan(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " 元";
  }

  /**
   * Task_QueryEconomicFacts, one element per source still to ask (一键核对): the source's facts about the
   * household, asked only with the household's signed authorization. A source that does not answer within its
   * timeout is flagged in the report, not retried until the case fails: the township clerk decides whether to
   * ask it again. Each answer is kept per source; the report and the totals are rebuilt from all of them.
   */
  @Component("queryEconomicFactsDelegate")
  static class QueryEconomicFacts extends DepartmentStep {
    private final EconomicCheckClient check;

    QueryEconomicFacts(EconomicCheckClient check) {
      this.check = check;
    }

    @Override
    protected void call(StepCall ex, String key) {
      if (!Boolean.TRUE.equals(ex.getVariable(AUTHORIZATION_SIGNED))) {
        throw new IllegalStateException("The household has not signed the authorization: nothing may be queried");
      }
      String source = string(ex, CHECK_SOURCE);
      if (!SocialAssistancePolicy.SOURCES.containsKey(source)) {
        throw new IllegalStateException("Unknown source of the economic check: " + source);
      }
      String facts;
      try {
        var f = check.query(key, source, household(ex), string(ex, AUTHORIZATION_NUMBER));
        facts = f.monthlyIncome() + "|" + f.assets() + "|" + f.vehicles() + "|" + f.properties() + "|" + f.businesses()
            + "|" + ResidentIdNumber.maskAll(f.summary().length() > 300 ? f.summary().substring(0, 300) : f.summary());
      } catch (DepartmentUnavailableException e) {
        log.warn("Economic check {}: {} did not answer ({}); flagged in the report", key, source, e.getMessage());
        facts = "NO_ANSWER|未在时限内答复";
      }
      ex.setVariable(CHECK_FACTS_PREFIX + source, facts);
      // the sources answer in parallel: the report is rebuilt from every answer recorded by then
      ex.onAnswer(QueryEconomicFacts::report);
    }

    /** The report (one line per source), the totals of what answered, and the sources still silent. */
    static void report(DelegateExecution ex) {
      List<String> lines = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      long income = 0;
      long assets = 0;
      int vehicles = 0;
      int properties = 0;
      int businesses = 0;
      for (var source : SocialAssistancePolicy.SOURCES.entrySet()) {
        Object value = ex.getVariable(CHECK_FACTS_PREFIX + source.getKey());
        if (value == null) {
          lines.add(source.getValue() + "：尚未查询");
          missing.add(source.getValue());
          continue;
        }
        String[] f = value.toString().split("\\|", 6);
        if ("NO_ANSWER".equals(f[0])) {
          lines.add(source.getValue() + "：未答复（" + f[1] + "），可重新核对");
          missing.add(source.getValue());
          continue;
        }
        income += Long.parseLong(f[0]);
        assets += Long.parseLong(f[1]);
        vehicles += Integer.parseInt(f[2]);
        properties += Integer.parseInt(f[3]);
        businesses += Integer.parseInt(f[4]);
        lines.add(source.getValue() + "：" + f[5]);
      }
      ex.setVariable(CHECK_REPORT, String.join("\n", lines));
      ex.setVariable(CHECK_MISSING, String.join("、", missing));
      ex.setVariable(REPORTED_INCOME, income);
      ex.setVariable(REPORTED_ASSETS, assets);
      ex.setVariable(REPORTED_VEHICLES, vehicles);
      ex.setVariable(REPORTED_PROPERTIES, properties);
      ex.setVariable(REPORTED_BUSINESSES, businesses);
    }
  }

  /**
   * Task_GrantAssistance: 民政 registers the approved household's monthly payment, from the month after the
   * approval. 低保: the gap between the standard and the household's income per person, for each member
   * (差额救助; at least a tenth of the standard per person when the county approved above the line); 特困:
   * the 特困 basic living standard per person.
   */
  @Component("grantAssistanceDelegate")
  static class GrantAssistance extends DepartmentStep {
    private final SocialAssistanceClient assistance;
    private final SocialAssistanceRules rules;

    GrantAssistance(SocialAssistanceClient assistance, SocialAssistanceRules rules) {
      this.assistance = assistance;
      this.rules = rules;
    }

    @Override
    protected void call(StepCall ex, String key) {
      String category = string(ex, DECISION);
      int size = ((Number) ex.getVariable(VERIFIED_SIZE)).intValue();
      BigDecimal monthly = monthlyAmount(rules, category, size, ((Number) ex.getVariable(INCOME_PER_PERSON)).longValue());
      LocalDate from = LocalDate.parse(string(ex, APPROVED_ON)).with(TemporalAdjusters.firstDayOfNextMonth());
      String grant = assistance.grantAssistance(key, string(ex, APPLICANT_ID_NUMBER), category, size, monthly, from);
      ex.setVariable(MONTHLY_AMOUNT, monthly.toPlainString());
      ex.setVariable(PAYMENT_FROM, from.toString());
      ex.setVariable(GRANT_NUMBER, grant);
    }
  }

  static BigDecimal monthlyAmount(SocialAssistanceRules rules, String category, int size, long incomePerPerson) {
    BigDecimal line = BigDecimal.valueOf(rules.povertyLine());
    BigDecimal perPerson = "TEKUN".equals(category)
        ? line.multiply(rules.tekunFactor())
        : line.subtract(BigDecimal.valueOf(incomePerPerson)).max(line.divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP));
    return perPerson.multiply(BigDecimal.valueOf(size)).setScale(2, RoundingMode.HALF_UP);
  }

  /** Task_StopAssistance: 民政 stops the household's payment from the next month; the household is told. */
  @Component("stopAssistanceDelegate")
  static class StopAssistance extends DepartmentStep {
    private final SocialAssistanceClient assistance;
    private final CaseFiles cases;
    private final Clock clock;

    StopAssistance(SocialAssistanceClient assistance, CaseFiles cases, Clock clock) {
      this.assistance = assistance;
      this.cases = cases;
      this.clock = clock;
    }

    @Override
    protected void call(StepCall ex, String key) {
      LocalDate from = LocalDate.now(clock).with(TemporalAdjusters.firstDayOfNextMonth());
      String stop = assistance.stopAssistance(key, string(ex, APPLICANT_ID_NUMBER), string(ex, GRANT_NUMBER), from);
      ex.setVariable(STOPPED_FROM, from.toString());
      ex.setVariable(STOP_NUMBER, stop);
      String caseNumber = ex.getProcessBusinessKey();
      ex.onAnswer(e -> cases.inform(caseNumber, "救助金停发", "经复核，您家庭的救助金自 " + from + " 起停发（编号 " + stop + "）"));
    }
  }
}
