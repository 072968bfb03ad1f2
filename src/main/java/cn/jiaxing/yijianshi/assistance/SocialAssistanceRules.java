package cn.jiaxing.yijianshi.assistance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Numbers of the family's policy, as configuration ({@code yijianshi.social-assistance.*}); the tables are
 * DMN beside the process ({@code processes/assistance/}). Defaults are Jiaxing's as we read them
 * (domain.md §3); set the current published standard in production.
 *
 * @param povertyLine the local 低保 standard, yuan per person per month [unverified: Jiaxing's published
 *     standard of the year]
 * @param assetLimitMonths financial assets per person may not exceed this many months of the standard
 *     [unverified: Zhejiang's rule is set per city]
 * @param tekunFactor the 特困 basic living standard per person, as a multiple of the 低保 standard (Zhejiang:
 *     not below 1.3 times)
 * @param urgentLimit the most 先行救助 the township may pay before the full review (yuan)
 * @param noticePeriod 公示 (calendar time): 7 days
 * @param recheckCycle how often an approved household is re-checked (低保: yearly; 特困 likewise)
 * @param gradualExit the 渐退期 of a household whose income rose above the standard through work (up to 6
 *     months [unverified]); zero: no 渐退期, the assistance stops
 * @param maxMembers the most household members one application may name
 */
@ConfigurationProperties("yijianshi.social-assistance")
public record SocialAssistanceRules(@DefaultValue("1210") long povertyLine, @DefaultValue("24") int assetLimitMonths,
    @DefaultValue("1.3") BigDecimal tekunFactor, @DefaultValue("5000") BigDecimal urgentLimit,
    @DefaultValue("P7D") Duration noticePeriod, @DefaultValue("P1Y") Period recheckCycle,
    @DefaultValue("P6M") Period gradualExit, @DefaultValue("10") int maxMembers) {
}
