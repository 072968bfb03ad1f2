package cn.jiaxing.yijianshi.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskCaseLabelsTests {

  @Test
  void aNameKeepsItsFirstAndLastCharacterOnly() {
    assertThat(TaskCaseLabels.maskName("张三")).isEqualTo("张*");
    assertThat(TaskCaseLabels.maskName("张小三")).isEqualTo("张*三");
    assertThat(TaskCaseLabels.maskName("欧阳建华")).isEqualTo("欧**华");
    assertThat(TaskCaseLabels.maskName("张伟、王芳")).isEqualTo("张*、王*");
    assertThat(TaskCaseLabels.maskName("𠮷野家")).isEqualTo("𠮷*家");
    assertThat(TaskCaseLabels.maskName("李")).isEqualTo("李");
  }
}
