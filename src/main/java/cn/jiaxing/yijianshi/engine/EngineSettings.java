package cn.jiaxing.yijianshi.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engine-wide settings. {@code departmentRetryCycle} is the retry cycle of every department step
 * that does not name its own (applied at parse time, see {@link DepartmentStepTasks}).
 * {@code taskListDenseFrom}: from how many grants on single tasks a clerk's Tasklist pages are read in
 * the order of an index on the task table rather than from the grants ({@link TaskVisibility}).
 */
@ConfigurationProperties("yijianshi.engine")
public record EngineSettings(@DefaultValue("R5/PT1M") String departmentRetryCycle,
    @DefaultValue("1000") int taskListDenseFrom) {
}
