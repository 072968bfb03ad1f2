package cn.jiaxing.yijianshi.sla;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SlaConfiguration {

  /** The statutory calendar; a year without data counts Mon–Fri and increments a metric. */
  @Bean
  WorkingDayCalendar workingDayCalendar(MeterRegistry meters) {
    return WorkingDayCalendar.loadDefault(year ->
        meters.counter("yijianshi.calendar.fallback", "year", Integer.toString(year)).increment());
  }
}
