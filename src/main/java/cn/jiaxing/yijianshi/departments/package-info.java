/**
 * One client per department system (a named interface), HTTP adapters in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Departments", allowedDependencies = {"shared"})
package cn.jiaxing.yijianshi.departments;
