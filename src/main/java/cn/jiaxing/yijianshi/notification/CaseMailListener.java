package cn.jiaxing.yijianshi.notification;

import cn.jiaxing.yijianshi.casefile.CaseClosed;
import cn.jiaxing.yijianshi.casefile.CaseOpened;
import cn.jiaxing.yijianshi.casefile.CaseStatus;
import cn.jiaxing.yijianshi.casefile.DepartmentVoidsAnswered;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the applicant's mail into the outbox in the transaction that opens or closes the case
 * (a synchronous listener, deliberately not {@code @ApplicationModuleListener}: the mail must
 * commit or roll back with the case).
 */
@Component
class CaseMailListener {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final Notifications notifications;
  private final ZoneId zone;
  private final String publicUrl;

  CaseMailListener(Notifications notifications, @Value("${yijianshi.zone:Asia/Shanghai}") ZoneId zone,
      @Value("${yijianshi.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
    this.notifications = notifications;
    this.zone = zone;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  @EventListener
  void on(CaseOpened e) {
    if (e.applicantEmail() == null) {
      return;
    }
    String body = """
        %s：

        您的“%s”申请已受理。
        办件编号：%s
        受理时间：%s
        承诺办结时间：%s

        相关部门将按顺序联办，办理结果将另行通知。请凭办件编号到任一综合窗口查询办理进度%s。

        嘉兴市一件事联办平台
        """.formatted(e.applicantName(), e.type().displayName(), e.caseNumber(), WHEN.format(e.openedAt().atZone(zone)),
        e.dueAt() == null ? "—" : WHEN.format(e.dueAt().atZone(zone)),
        e.type().confidential() ? "" : "，或在网上凭办件编号和申请人身份证号码后六位自助查询：" + publicUrl
            + "/chaxun/index.html?n=" + e.caseNumber());
    notifications.send(e.caseNumber(), "RECEIPT", List.of(e.applicantEmail()),
        "【受理回执】" + e.type().displayName() + " 办件编号 " + e.caseNumber(), body);
  }

  /** A step needs the applicant to act while the case goes on (e.g. materials a department lacks). */
  @EventListener
  void on(cn.jiaxing.yijianshi.casefile.ApplicantActionNeeded e) {
    if (e.applicantEmail() == null) {
      return;
    }
    String body = """
        %s：

        您的“%s”（办件编号 %s）中，%s需要您补充办理：
        %s

        请携带上述材料和办件编号到经办部门窗口或任一综合窗口续办。其他事项照常办理，办结后另行通知。

        嘉兴市一件事联办平台
        """.formatted(e.applicantName(), e.type().displayName(), e.caseNumber(), e.step(), e.needed());
    notifications.send(e.caseNumber(), "ACTION_NEEDED", List.of(e.applicantEmail()),
        "【需要您补充材料】" + e.type().displayName() + " 办件编号 " + e.caseNumber(), body);
  }

  /** A step's result, told at once (the case goes on, or is being followed up after it closed). */
  @EventListener
  void on(cn.jiaxing.yijianshi.casefile.ApplicantInformed e) {
    if (e.applicantEmail() == null) {
      return;
    }
    String body = """
        %s：

        您的“%s”（办件编号 %s）有新的办理结果：
        %s：%s

        如有疑问，可凭办件编号到任一综合窗口咨询。

        嘉兴市一件事联办平台
        """.formatted(e.applicantName(), e.type().displayName(), e.caseNumber(), e.step(), e.result());
    notifications.send(e.caseNumber(), "PROGRESS", List.of(e.applicantEmail()),
        "【办理进度】" + e.type().displayName() + " " + e.step() + " 办件编号 " + e.caseNumber(), body);
  }

  /** Departments were asked to void their work for a refused or cancelled case: what stands is told. */
  @EventListener
  void on(DepartmentVoidsAnswered e) {
    if (e.applicantEmail() == null || e.standing().isEmpty()) {
      return;
    }
    StringBuilder body = new StringBuilder()
        .append(e.applicantName()).append("：\n\n")
        .append("您的“").append(e.type().displayName()).append("”（办件编号 ").append(e.caseNumber())
        .append("）未能办结，平台已通知各部门撤销已为该办件办理的事项。以下事项依规定无法撤销，仍然有效：\n");
    for (DepartmentVoidsAnswered.Standing s : e.standing()) {
      body.append("  ").append(s.organisation()).append("：").append(s.explanation()).append('\n');
    }
    body.append("\n如有疑问，可凭办件编号到综合窗口咨询。\n\n嘉兴市一件事联办平台\n");
    notifications.send(e.caseNumber(), "VOID_RESULT", List.of(e.applicantEmail()),
        "【撤销结果通知】" + e.type().displayName() + " 办件编号 " + e.caseNumber(), body.toString());
  }

  @EventListener
  void on(CaseClosed e) {
    if (e.applicantEmail() == null) {
      return;
    }
    boolean done = e.status() == CaseStatus.COMPLETED;
    boolean canceled = e.status() == CaseStatus.CANCELED;
    StringBuilder body = new StringBuilder()
        .append(e.applicantName()).append("：\n\n")
        .append("您的“").append(e.type().displayName()).append("”（办件编号 ").append(e.caseNumber()).append("）")
        .append(done ? "已办结。\n" : canceled ? "已撤销。\n" : "未能办结，不予办理。\n");
    if (e.reason() != null && !e.reason().isBlank()) {
      body.append(done ? "说明：" : "原因：").append(e.reason()).append('\n');
    }
    if (!e.results().isEmpty()) {
      body.append(canceled ? "\n撤销前已办理的事项：\n" : "\n办理结果：\n");
      for (Map.Entry<String, String> r : e.results().entrySet()) {
        body.append("  ").append(r.getKey()).append("：").append(r.getValue()).append('\n');
      }
    }
    body.append("\n办结时间：").append(WHEN.format(e.closedAt().atZone(zone)))
        .append(done ? "\n" : "\n如有异议，可凭办件编号到综合窗口咨询。\n")
        .append("\n嘉兴市一件事联办平台\n");
    notifications.send(e.caseNumber(), done ? "COMPLETION" : canceled ? "CANCELLATION" : "REFUSAL",
        List.of(e.applicantEmail()),
        (done ? "【办结通知】" : canceled ? "【撤销通知】" : "【不予办理通知】") + e.type().displayName() + " 办件编号 "
            + e.caseNumber(),
        body.toString());
  }
}
