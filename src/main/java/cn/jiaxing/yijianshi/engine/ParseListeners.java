package cn.jiaxing.yijianshi.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** The one way a module adds listeners to every parsed process (from its engine plugin's preInit). */
public final class ParseListeners {

  private ParseListeners() {
  }

  public static void add(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(listener);
  }

  /** The task definition of a parsed user task, where its task listeners are added. */
  public static TaskDefinition userTask(ActivityImpl activity) {
    return ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
  }

  /** A {@code camunda:property} of an element's extension elements, or null when absent. */
  public static String property(Element element, String name) {
    Element extensions = element.element("extensionElements");
    Element properties = extensions == null ? null
        : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties != null) {
      for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
        if (name.equals(property.attribute("name"))) {
          return property.attribute("value");
        }
      }
    }
    return null;
  }
}
