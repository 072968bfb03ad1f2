package cn.jiaxing.yijianshi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxing.yijianshi.ProcessTestSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The start-up setup of groups and grants: what it finds (read once) is brought up to date, nothing is doubled. */
class IdentitySetupTests extends ProcessTestSupport {

  @Autowired IdentitySetup setup;
  @Autowired AuthorizationService authorizations;

  @Test
  void aStartAfterAnEarlierVersionRestoresMissingGrantsTakesBackWhatWasWithdrawnAndDoublesNothing() {
    long before = authorizations.createAuthorizationQuery().count();
    // an earlier version (or an admin) left: the front desk without CREATE_INSTANCE on one process, 民政 with
    // READ_TASK_VARIABLE on every definition, and 公安 without its Tasklist access
    Authorization frontDesk = grant(StaffGroups.FRONT_DESK, "MarriageHouseholdProcess");
    frontDesk.removePermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(frontDesk);
    Authorization mz = grant("mz", "*");
    mz.addPermission(ProcessDefinitionPermissions.READ_TASK_VARIABLE);
    authorizations.saveAuthorization(mz);
    Authorization tasklist = authorizations.createAuthorizationQuery().groupIdIn("ga")
        .resourceType(Resources.APPLICATION).resourceId("tasklist").singleResult();
    authorizations.deleteAuthorization(tasklist.getId());

    setup.setUp();

    assertThat(grant(StaffGroups.FRONT_DESK, "MarriageHouseholdProcess")
        .isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)).isTrue();
    assertThat(grant("mz", "*").isPermissionGranted(ProcessDefinitionPermissions.READ_TASK_VARIABLE)).isFalse();
    assertThat(grant("mz", "*").isPermissionGranted(ProcessDefinitionPermissions.READ)).isTrue();
    assertThat(authorizations.createAuthorizationQuery().groupIdIn("ga").resourceType(Resources.APPLICATION)
        .resourceId("tasklist").singleResult().isPermissionGranted(Permissions.ACCESS)).isTrue();
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(before);

    setup.setUp(); // and again: nothing to do
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(before);
  }

  private Authorization grant(String group, String process) {
    return authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(process).authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
  }
}
