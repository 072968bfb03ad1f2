/**
 * Time limits: the working-day calendar, policies, one record per case and per step occurrence,
 * reminders and 督办, the dashboard API and Cockpit plugin.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA supervision", allowedDependencies = {"casefile", "departments", "engine", "notification", "shared"})
package cn.jiaxing.yijianshi.sla;
