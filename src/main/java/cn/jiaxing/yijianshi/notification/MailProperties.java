package cn.jiaxing.yijianshi.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sendInterval how often pending mail is retried
 * @param maxAttempts after this many failures a mail is marked FAILED (visible in the outbox table)
 */
@ConfigurationProperties("yijianshi.mail")
public record MailProperties(
    @DefaultValue("noreply@yijianshi.local") String from,
    @DefaultValue("PT15S") Duration sendInterval,
    @DefaultValue("10") int maxAttempts) {
}
