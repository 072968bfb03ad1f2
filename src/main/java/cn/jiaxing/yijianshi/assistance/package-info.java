/**
 * Family 3, 社会救助一件事 ("1+8+X"): SocialAssistanceProcess — the township window's intake, 先行救助 for urgent
 * cases, the household's economic check across departments (一键核对), the township's investigation and 公示,
 * the county's decision (DMN proposal, a person decides), the companion aids decided in parallel, and the
 * follow-up (re-check, 渐退期). A family uses the platform modules; none of them uses a family.
 */
@org.springframework.modulith.ApplicationModule(displayName = "社会救助一件事", allowedDependencies = {"casefile", "departments", "engine", "shared"})
package cn.jiaxing.yijianshi.assistance;
