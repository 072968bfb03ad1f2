/**
 * Stand-in department systems served over HTTP (embedded default and tests), with fault injection.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Simulated departments", allowedDependencies = {"shared"})
package cn.jiaxing.yijianshi.simulator;
