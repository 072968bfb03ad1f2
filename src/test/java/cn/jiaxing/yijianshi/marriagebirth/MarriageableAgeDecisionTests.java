package cn.jiaxing.yijianshi.marriagebirth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The legal age of marriage (民法典第一千零四十七条) as a decision table, evaluated by the DMN engine alone. */
class MarriageableAgeDecisionTests {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("processes/marriagebirth/Decision_MarriageableAge.dmn"))) {
      decision = DMN.parseDecision(MarriageApplicationListener.MARRIAGEABLE_AGE, in);
    }
  }

  private static DmnDecisionTableResult evaluate(String sex) {
    return DMN.evaluateDecisionTable(decision, Variables.createVariables().putValue("sex", sex));
  }

  @Test
  void menMayMarryFrom22AndWomenFrom20WithTheArticleNamed() {
    assertThat(evaluate("M").getSingleResult().getEntryMap())
        .containsEntry("minimumAge", 22).containsEntry("legalBasis", "民法典第一千零四十七条");
    assertThat(evaluate("F").getSingleResult().getEntryMap())
        .containsEntry("minimumAge", 20).containsEntry("legalBasis", "民法典第一千零四十七条");
  }

  @Test
  void anyOtherValueMatchesNoRule() {
    assertThat(evaluate("X").getResultList()).isEmpty();
    assertThat(evaluate(null).getResultList()).isEmpty();
  }

  @Test
  void everyRuleNamesItsLegalSource() {
    var model = Dmn.readModelFromFile(Path.of("processes/marriagebirth/Decision_MarriageableAge.dmn").toFile());
    assertThat(model.getModelElementsByType(Rule.class)).isNotEmpty()
        .allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).contains("民法典第一千零四十七条"));
  }
}
