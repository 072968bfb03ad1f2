/**
 * Family 1, 结婚生育户口: MarriageHouseholdProcess and BirthHouseholdProcess — intake checks, department
 * steps, completion rules, results. A family uses the platform modules; none of them uses a family.
 */
@org.springframework.modulith.ApplicationModule(displayName = "结婚生育户口", allowedDependencies = {"casefile", "departments", "engine", "shared"})
package cn.jiaxing.yijianshi.marriagebirth;
