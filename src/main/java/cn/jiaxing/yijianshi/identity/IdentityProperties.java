package cn.jiaxing.yijianshi.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param startableProcesses process ids the front desk may start
 */
@ConfigurationProperties("yijianshi.identity")
public record IdentityProperties(
    @DefaultValue({"MarriageHouseholdProcess", "BirthHouseholdProcess", "AfterDeathProcess",
        "SocialAssistanceProcess", "ChildProtectionProcess"}) List<String> startableProcesses) {
}
