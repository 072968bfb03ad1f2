package cn.jiaxing.yijianshi.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How department calls are made ({@link DepartmentCalls}): whether this node makes them, how many at
 * once (threads that wait on departments; they hold no database connection), how long a taken call
 * is this node's before another node may make it again (longer than any department's timeout), and
 * how often the node looks for calls that are due (retries, other nodes' steps; a step this node
 * commits is called at once).
 */
@ConfigurationProperties("yijianshi.engine.department-calls")
public record DepartmentCallSettings(@DefaultValue("true") boolean enabled, @DefaultValue("32") int threads,
    @DefaultValue("PT1M") Duration lock, @DefaultValue("PT1S") Duration poll) {

  public DepartmentCallSettings {
    if (threads < 1) {
      throw new IllegalArgumentException("yijianshi.engine.department-calls.threads must be at least 1");
    }
    if (lock.compareTo(Duration.ofSeconds(5)) < 0 || poll.isNegative() || poll.isZero()) {
      throw new IllegalArgumentException("yijianshi.engine.department-calls: lock must be at least PT5S and poll positive");
    }
  }
}
