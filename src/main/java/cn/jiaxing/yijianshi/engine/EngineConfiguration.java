package cn.jiaxing.yijianshi.engine;

import java.time.Clock;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Camunda wiring shared by every process family. */
@Configuration
class EngineConfiguration {

  /**
   * The platform's clock follows the engine clock ({@link ClockUtil}), so tests that move engine
   * time move due dates, case timestamps and mail retries with it.
   */
  @Bean
  Clock clock(@Value("${yijianshi.zone:Asia/Shanghai}") ZoneId zone) {
    return new EngineClock(zone);
  }

  static final class EngineClock extends Clock {
    private final ZoneId zone;

    EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new EngineClock(zone);
    }

    @Override
    public java.time.Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}
