package cn.jiaxing.yijianshi.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * A refused application or completion is the system working, not failing: {@link InputChecks} logs it
 * as one INFO line with its reasons, and this filter keeps the engine and the REST layer from logging
 * the same refusal again as an ERROR with a stack trace (Camunda's ENGINE-16004, about 170 lines).
 * Only events whose exception is (or wraps) a {@link RejectedInputException} are dropped.
 */
@Component
class QuietRefusals extends TurboFilter implements InitializingBean {

  @Override
  public void afterPropertiesSet() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(f -> f instanceof QuietRefusals)) {
      setName("quiet-refusals");
      start();
      context.addTurboFilter(this);
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null || !level.isGreaterOrEqual(Level.WARN)) {
      return FilterReply.NEUTRAL;
    }
    Throwable thrown = t != null ? t
        : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    return isRefusal(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  static boolean isRefusal(Throwable thrown) {
    for (Throwable e = thrown; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof RejectedInputException) {
        return true;
      }
    }
    return false;
  }
}
