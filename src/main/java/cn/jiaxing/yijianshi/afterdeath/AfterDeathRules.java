package cn.jiaxing.yijianshi.afterdeath;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Numbers of the family's policy, as configuration (tables are DMN beside the process:
 * {@code processes/afterdeath/Decision_FuneralFeeReduction.dmn}).
 *
 * @param applicationWindow deaths this recent are accepted by the joint service (the departments' own
 *     procedures remain open after it)
 */
@ConfigurationProperties("yijianshi.after-death")
public record AfterDeathRules(@DefaultValue("P6M") Period applicationWindow) {
}
