/**
 * Users, groups, authorizations, Tasklist filters and REST authentication.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"departments", "shared"})
package cn.jiaxing.yijianshi.identity;
