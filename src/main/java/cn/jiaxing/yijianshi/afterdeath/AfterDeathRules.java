package cn.jiaxing.yijianshi.afterdeath;

import java.math.BigDecimal;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Numbers of the family's policy, as configuration (tables are DMN beside the process:
 * {@code processes/afterdeath/Decision_FuneralFeeReduction.dmn}).
 *
 * @param applicationWindow deaths this recent are accepted by the joint service (the departments' own
 *     procedures remain open after it)
 * @param smallSumLimit the deposits (yuan, per bank) a first-order heir may withdraw without notarisation
 *     (金规〔2024〕6号: 50,000); above it the bank needs a notarised or court-confirmed inheritance
 * @param maxBanks how many banks one application may name
 */
@ConfigurationProperties("yijianshi.after-death")
public record AfterDeathRules(@DefaultValue("P6M") Period applicationWindow,
    @DefaultValue("50000") BigDecimal smallSumLimit, @DefaultValue("9") int maxBanks) {
}
