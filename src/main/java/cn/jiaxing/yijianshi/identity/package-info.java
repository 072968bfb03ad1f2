/**
 * Users, groups, authorizations, Tasklist filters and REST authentication.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"departments"})
package cn.jiaxing.yijianshi.identity;
