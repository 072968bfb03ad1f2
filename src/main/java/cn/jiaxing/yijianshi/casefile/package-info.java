/**
 * The joint case (办件): its number, type, status and applicant, opened by {@link cn.jiaxing.yijianshi.casefile.CaseIntake}
 * from any family's start listener, closed at the root process's end; the progress query; case events.
 * Knows no family: each declares its {@link cn.jiaxing.yijianshi.casefile.CaseType} beans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case file", allowedDependencies = {"engine", "departments", "shared"})
package cn.jiaxing.yijianshi.casefile;
