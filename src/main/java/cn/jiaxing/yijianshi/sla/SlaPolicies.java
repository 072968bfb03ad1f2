package cn.jiaxing.yijianshi.sla;

import cn.jiaxing.yijianshi.casefile.CasePromise;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The one place that knows every time limit and turns it into a due instant on the working-day calendar. */
@Service
public class SlaPolicies implements CasePromise {

  private final Map<String, Map<String, SlaRule>> policies = new HashMap<>();
  private final SlaPolicy departmentCall;
  private final DueDateCalculator calculator;
  private final Clock clock;

  SlaPolicies(SlaProperties properties, WorkingDayCalendar calendar, Clock clock,
      @Value("${yijianshi.zone:Asia/Shanghai}") ZoneId zone) {
    this.calculator = new DueDateCalculator(calendar, zone);
    this.clock = clock;
    this.departmentCall = properties.departmentCall() == null ? null : SlaPolicy.parse(properties.departmentCall());
    if (properties.policies() != null) {
      properties.policies().forEach((process, steps) -> {
        Map<String, SlaRule> parsed = new HashMap<>();
        steps.forEach((step, text) -> {
          try {
            SlaRule rule = SlaRule.parse(text);
            if (rule.isConditional() && SlaProperties.CASE.equals(step)) {
              throw new IllegalArgumentException("the case promise is printed on the receipt: one limit, no condition");
            }
            parsed.put(step, rule);
          } catch (IllegalArgumentException e) {
            throw new IllegalStateException("yijianshi.sla.policies." + process + "." + step + ": " + e.getMessage(), e);
          }
        });
        policies.put(process, parsed);
      });
    }
  }

  /** The limit of a wait on a department's system, for service tasks without a policy of their own. */
  public Optional<SlaPolicy> departmentCall() {
    return Optional.ofNullable(departmentCall);
  }

  /** A step's policy for an occurrence starting with these variables (a conditional limit is decided by them). */
  public Optional<SlaPolicy> policy(String processKey, String stepId, VariableScope variables) {
    return Optional.ofNullable(policies.getOrDefault(processKey, Map.of()).get(stepId)).map(r -> r.resolve(variables));
  }

  /** A policy that depends on no variable (the case promise). */
  public Optional<SlaPolicy> policy(String processKey, String stepId) {
    return policy(processKey, stepId, null);
  }

  DueDateCalculator calculator() {
    return calculator;
  }

  /** The case-level promise (承诺时限) for a case opened now. */
  @Override
  public Optional<Instant> caseDueFromNow(String processKey) {
    return policy(processKey, SlaProperties.CASE).map(p -> calculator.dueAt(clock.instant(), p.limit()));
  }

  @Override
  public Optional<String> caseLimitInWords(String processKey) {
    return policy(processKey, SlaProperties.CASE).map(p -> p.limit().amount() + switch (p.limit().unit()) {
      case WORKING_DAYS -> "个工作日";
      case CALENDAR_DAYS -> "个自然日";
      case HOURS -> "小时";
    });
  }
}
