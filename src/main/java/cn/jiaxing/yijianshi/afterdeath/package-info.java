/**
 * Family 2, 身后一件事: AfterDeathProcess — intake checks, the death proof, 惠民殡葬 (DMN), the departments'
 * after-death procedures, completion rules, results. A family uses the platform modules; none of them uses a family.
 */
@org.springframework.modulith.ApplicationModule(displayName = "身后一件事", allowedDependencies = {"casefile", "departments", "engine", "shared"})
package cn.jiaxing.yijianshi.afterdeath;
