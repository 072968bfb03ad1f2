/**
 * Mail: the outbox written in the case's transaction and its sender; listens to case events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification", allowedDependencies = {"casefile", "shared"})
package cn.jiaxing.yijianshi.notification;
