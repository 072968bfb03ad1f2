package cn.jiaxing.yijianshi.marriagebirth;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Legal thresholds that are a number only, as configuration so that a change in law is a
 * configuration change. (Rules that are tables are DMN beside their process, e.g. the legal age
 * of marriage in {@code processes/marriagebirth/Decision_MarriageableAge.dmn}.)
 *
 * @param birthApplicationWindow the joint birth service accepts births this recent (户口登记条例 art. 7: 1 month)
 */
@ConfigurationProperties("yijianshi.marriage-birth")
public record MarriageBirthRules(@DefaultValue("P1M") Period birthApplicationWindow) {
}
