package cn.jiaxing.yijianshi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Our copy of the engine's task mapping stays tied to the engine it was made from. */
class TaskQueryMappingTests {

  /** sha256 of camunda-engine 7.24.0's Task.xml, the file our copy was made from. */
  private static final String ENGINE_TASK_XML_SHA256 = "616c3e9cdf4055cab8493558ece2d3bce0a3edb7bb9fe88570758b5103caf821";

  @Test
  void theCopyIsOfThisEnginesTaskMapping() throws Exception {
    String engine = TaskQueryMapping.read(TaskQueryMapping.ENGINE_TASK_MAPPING);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(engine.getBytes(StandardCharsets.UTF_8)));
    assertThat(sha).as("the engine's Task.xml changed (engine upgrade?): copy it again to %s and repeat the"
        + " changes marked 'yijianshi:', then update this checksum", TaskQueryMapping.TASK_MAPPING)
        .isEqualTo(ENGINE_TASK_XML_SHA256);
    assertThat(TaskQueryMapping.read(TaskQueryMapping.TASK_MAPPING)).contains(ENGINE_TASK_XML_SHA256);
  }

  @Test
  void theEngineReadsOurTaskMappingInPlaceOfItsOwnAndEverythingElseAsItIs() {
    String mappings = TaskQueryMapping.mappings();
    assertThat(mappings).contains("resource=\"" + TaskQueryMapping.TASK_MAPPING + "\"")
        .doesNotContain("resource=\"" + TaskQueryMapping.ENGINE_TASK_MAPPING + "\"")
        .contains("resource=\"org/camunda/bpm/engine/impl/mapping/entity/Authorization.xml\"");
  }
}
