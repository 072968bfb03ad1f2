package cn.jiaxing.yijianshi.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sendInterval how often pending mail is retried
 */
@ConfigurationProperties("yijianshi.mail")
public record MailProperties(
    @DefaultValue("noreply@yijianshi.local") String from,
    @DefaultValue("PT15S") Duration sendInterval,
    /** A mail claimed for sending this long ago and never recorded (its node died mid-send) is sent again. */
    @DefaultValue("PT10M") Duration staleAfter) {
}
