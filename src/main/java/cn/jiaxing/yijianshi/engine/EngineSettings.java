package cn.jiaxing.yijianshi.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engine-wide settings. {@code departmentRetryCycle} is the retry cycle of every department step
 * that does not name its own (applied at parse time, see {@link DepartmentStepJobs}).
 */
@ConfigurationProperties("yijianshi.engine")
public record EngineSettings(@DefaultValue("R5/PT1M") String departmentRetryCycle) {
}
