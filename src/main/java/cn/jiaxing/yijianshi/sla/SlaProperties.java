package cn.jiaxing.yijianshi.sla;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every time limit, declared once: process id → step id (or {@code case} for the case-level
 * promise, 承诺时限) → duration ({@code 5WD} working days, {@code 7CD} calendar days, {@code 24H} hours).
 * {@code departmentCall} is the limit of a wait on a department's system (a service task) without a
 * policy of its own.
 */
@ConfigurationProperties("yijianshi.sla")
public record SlaProperties(Map<String, Map<String, String>> policies, String departmentCall) {

  public static final String CASE = "case";
}
