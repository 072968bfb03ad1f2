package cn.jiaxing.yijianshi.childprotection;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The policy's time limits the model's own timers read ({@code yijianshi.child-protection.*}); the law mostly
 * says "立即" (domain.md §4). Keep them equal to the steps' limits in {@code sla/childprotection.yaml}: the
 * timer escalates to the supervisors the moment the limit passes, the SLA record shows the breach.
 *
 * @param firstResponse 公安 accepts and records a report (e.g. 1 hour)
 * @param onSiteResponse 公安's emergency response to a child in danger
 * @param protectionOrder the court decides on a 人身安全保护令 (反家庭暴力法 art. 28: 72 hours)
 * @param urgentProtectionOrder ... when urgent (24 hours)
 * @param highRiskVisits the visit cycle of a high-risk child (the plan: monthly)
 * @param mediumRiskVisits of a medium-risk child
 * @param lowRiskVisits of a low-risk child
 */
@ConfigurationProperties("yijianshi.child-protection")
public record ChildProtectionRules(@DefaultValue("PT1H") Duration firstResponse,
    @DefaultValue("PT24H") Duration onSiteResponse, @DefaultValue("PT72H") Duration protectionOrder,
    @DefaultValue("PT24H") Duration urgentProtectionOrder, @DefaultValue("P1M") Period highRiskVisits,
    @DefaultValue("P3M") Period mediumRiskVisits, @DefaultValue("P6M") Period lowRiskVisits) {
}
