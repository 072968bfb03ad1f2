package cn.jiaxing.yijianshi.simulator;

import java.util.Map;

/** What a simulated department answers: an HTTP status and a JSON body. */
record SimulatedAnswer(int status, Map<String, Object> body) {

  static SimulatedAnswer ok(Map<String, Object> body) {
    return new SimulatedAnswer(200, body);
  }

  static SimulatedAnswer refused(String code, String message) {
    return new SimulatedAnswer(422, Map.of("code", code, "message", message));
  }

  static SimulatedAnswer badRequest(String message) {
    return new SimulatedAnswer(400, Map.of("code", "BAD_REQUEST", "message", message));
  }
}
