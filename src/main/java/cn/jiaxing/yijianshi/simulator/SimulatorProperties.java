package cn.jiaxing.yijianshi.simulator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The stand-in department systems.
 *
 * @param latency added to every answer
 * @param failureRate share of requests (0.0–1.0) answered 503 before doing anything
 */
@ConfigurationProperties("yijianshi.simulator")
public record SimulatorProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("PT0S") Duration latency,
    @DefaultValue("0.0") double failureRate,
    String username,
    String password) {
}
