package cn.jiaxing.yijianshi.marriagebirth;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Legal thresholds, as configuration so that a change in law is a configuration change.
 *
 * @param groomMinimumAge 民法典 art. 1047: male not earlier than 22
 * @param brideMinimumAge 民法典 art. 1047: female not earlier than 20
 * @param birthApplicationWindow the joint birth service accepts births this recent (户口登记条例 art. 7: 1 month)
 */
@ConfigurationProperties("yijianshi.marriage-birth")
public record MarriageBirthRules(
    @DefaultValue("22") int groomMinimumAge,
    @DefaultValue("20") int brideMinimumAge,
    @DefaultValue("P1M") Period birthApplicationWindow) {
}
