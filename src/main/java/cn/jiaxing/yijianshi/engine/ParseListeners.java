package cn.jiaxing.yijianshi.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

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
}
