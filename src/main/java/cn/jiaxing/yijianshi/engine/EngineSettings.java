package cn.jiaxing.yijianshi.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engine-wide settings. {@code departmentRetryCycle} is read by every service task that calls a
 * department system ({@code <camunda:failedJobRetryTimeCycle>${departmentRetryCycle}</...>}).
 */
@ConfigurationProperties("yijianshi.engine")
public record EngineSettings(@DefaultValue("R5/PT1M") String departmentRetryCycle) {
}
