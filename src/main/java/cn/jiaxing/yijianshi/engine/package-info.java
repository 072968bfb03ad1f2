/**
 * Camunda wiring every family shares: department steps and their occurrences (idempotency keys, retry
 * cycle), called processes as parts of their case, input checks and completion rules, the task
 * query mapping. Holds no business concept of a family.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engine platform", allowedDependencies = {"departments", "shared"})
package cn.jiaxing.yijianshi.engine;
