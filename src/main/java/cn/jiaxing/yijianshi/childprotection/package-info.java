/**
 * Family 4, 未成年人保护 "五位一体": ChildProtectionProcess — 强制报告, 应急处置 (with 人身安全保护令), 评估帮扶,
 * 监护干预 (temporary and long-term guardianship by 民政, the procuratorate's advice, the court's judgment),
 * 监测预防 (visits until a supervisor approves closure). Children's data: a confidential case type, forms that
 * show each step only what it needs, nothing identifying the child in logs or mail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "未成年人保护", allowedDependencies = {"casefile", "departments", "engine", "shared"})
package cn.jiaxing.yijianshi.childprotection;
