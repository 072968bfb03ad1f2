package cn.jiaxing.yijianshi.engine;

import cn.jiaxing.yijianshi.departments.DepartmentProperties;
import cn.jiaxing.yijianshi.departments.Departments;
import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryBuilder;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.bpmn.parser.DefaultFailedJobParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.externaltask.LockedExternalTaskImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExternalTaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Makes the department calls of department steps ({@link DepartmentStepTasks}): takes the due
 * external tasks (one commit), calls each department on a thread of its own with no transaction open,
 * and records the answer in one commit: the step's variables and completion, its modelled refusal, or
 * the failure (retried with the step's cycle; an incident when the retries are used up). A call
 * therefore holds no database connection and no job-executor thread while a department takes its
 * time. A step committed on this node is called at once; retries and other nodes' steps are found
 * every {@code yijianshi.engine.department-calls.poll}. A node that dies with calls in hand leaves
 * them locked for {@code lock}; then any node calls again with the same idempotency key.
 */
@Component
public class DepartmentCalls implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DepartmentCalls.class);
  private static final Pattern REPEAT = Pattern.compile("^R(\\d+)/(P\\S+)$");
  private static final int RECORD_ATTEMPTS = 10;

  private final ProcessEngine engine;
  private final Map<String, DepartmentStep> steps;
  private final StepOccurrences occurrences;
  private final DepartmentCallSettings settings;
  private final String workerId;
  private final ReentrantLock[] instanceLocks = new ReentrantLock[64];
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean queued = new AtomicBoolean();
  private final AtomicBoolean saturated = new AtomicBoolean();
  /** External tasks committed on this node since the last look: taken by id, without the engine's fetch query. */
  private final java.util.Queue<String> committed = new java.util.concurrent.ConcurrentLinkedQueue<>();
  /** Whether the queued look asks the engine for every step's due calls (the poll, or after saturation). */
  private volatile boolean everyTopic;
  private final Set<String> inHand = ConcurrentHashMap.newKeySet();
  private volatile boolean running;
  private ExecutorService fetcher;
  private ExecutorService callers;
  private ScheduledExecutorService poller;

  DepartmentCalls(ProcessEngine engine, Map<String, DepartmentStep> steps, StepOccurrences occurrences,
      DepartmentCallSettings settings, Departments departments, DepartmentProperties endpoints) {
    for (var system : departments.systems()) {
      Duration timeout = endpoints.endpoint(system.code()).timeout();
      // a call still waiting when its lock ends is made again by another node: the lock must outlast it
      if (timeout.multipliedBy(2).compareTo(settings.lock()) > 0) {
        throw new IllegalStateException("yijianshi.engine.department-calls.lock (" + settings.lock()
            + ") must be at least twice the timeout of department system " + system.code() + " (" + timeout + ")");
      }
    }
    this.engine = engine;
    this.steps = Map.copyOf(steps);
    this.occurrences = occurrences;
    this.settings = settings;
    this.workerId = host() + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-" + Integer.toHexString(
        System.identityHashCode(this));
    for (int i = 0; i < instanceLocks.length; i++) {
      instanceLocks[i] = new ReentrantLock();
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "node";
    }
  }

  @Override
  public void start() {
    if (!settings.enabled() || steps.isEmpty()) {
      log.info("Department calls are not made by this node (yijianshi.engine.department-calls.enabled={})",
          settings.enabled());
      return;
    }
    fetcher = Executors.newSingleThreadExecutor(named("department-calls-fetch"));
    callers = Executors.newFixedThreadPool(settings.threads(), named("department-call"));
    poller = Executors.newSingleThreadScheduledExecutor(named("department-calls-poll"));
    running = true;
    long poll = settings.poll().toMillis();
    poller.scheduleWithFixedDelay(this::trigger, 0, poll, TimeUnit.MILLISECONDS);
    log.info("Department calls: worker {}, {} at once, lock {}, poll {}", workerId, settings.threads(),
        settings.lock(), settings.poll());
  }

  @Override
  public void stop() {
    running = false;
    if (poller == null) {
      return;
    }
    poller.shutdownNow();
    fetcher.shutdownNow();
    callers.shutdown();
    try {
      // a call under way finishes within its department's timeout; one cut off is made again after the lock
      callers.awaitTermination(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE; // started last, stopped first: before the web server (the simulator) and the engine
  }

  /** Looks for due calls of every step now (coalesced: many triggers while a look is queued are one look). */
  public void trigger() {
    everyTopic = true;
    schedule();
  }

  /**
   * Calls one external task just committed on this node now. It is taken by its id (a read by primary key and
   * the lock's update), not by the engine's fetch query, whose dynamic SQL cost ≈ 5% of the CPU under load.
   */
  public void take(String externalTaskId) {
    if (running) {
      committed.add(externalTaskId);
      schedule();
    }
  }

  /** The topics the next look asks for (and forgets): every step's after {@link #trigger()}, else none. */
  Set<String> takeWanted() {
    if (everyTopic) {
      everyTopic = false;
      return steps.keySet();
    }
    return Set.of();
  }

  private void schedule() {
    if (running && queued.compareAndSet(false, true)) {
      try {
        fetcher.execute(this::fetchDue);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        queued.set(false);
      }
    }
  }

  private void fetchDue() {
    queued.set(false);
    takeCommitted();
    Set<String> wanted = takeWanted();
    if (wanted.isEmpty()) {
      return;
    }
    try {
      while (running) {
        int free = settings.threads() - inFlight.get();
        if (free <= 0) {
          saturated.set(true);
          everyTopic = true; // looked for again, for every step, when a caller is free
          return;
        }
        ExternalTaskQueryBuilder fetch = engine.getExternalTaskService().fetchAndLock(free, workerId);
        for (String topic : wanted) {
          fetch = fetch.topic(topic, settings.lock().toMillis()).enableCustomObjectDeserialization();
        }
        List<LockedExternalTask> due = fetch.execute();
        saturated.set(due.size() == free);
        callAll(due);
        if (due.size() < free) {
          return;
        }
      }
    } catch (RuntimeException e) {
      everyTopic = true; // the next poll looks at every step
      log.warn("Could not look for due department calls (looked for again in {}): {}", settings.poll(), e.toString());
    }
  }

  /** Takes the external tasks committed on this node (one commit) and calls them; what is left, the next look finds. */
  private void takeCommitted() {
    List<String> ids = new ArrayList<>();
    for (int free = settings.threads() - inFlight.get(); ids.size() < free && !committed.isEmpty(); ) {
      ids.add(committed.poll());
    }
    if (!committed.isEmpty()) { // no caller free: the next look, when one is, asks for every step
      committed.clear();
      saturated.set(true);
      everyTopic = true;
    }
    if (ids.isEmpty()) {
      return;
    }
    try {
      callAll(lockCommitted(ids));
    } catch (RuntimeException e) { // e.g. another node took one first (optimistic locking): the engine's query finds them
      everyTopic = true;
      log.info("Could not take the department calls committed here by id ({}); looking for them by step", e.toString());
    }
  }

  /**
   * Locks these external tasks for this node in one transaction, by id, skipping what the engine's fetch query
   * would skip: a task gone (done, or its case canceled), suspended, out of retries, or locked by anyone.
   */
  List<LockedExternalTask> lockCommitted(List<String> ids) {
    return command().execute(context -> {
      List<LockedExternalTask> taken = new ArrayList<>();
      java.util.Date now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
      for (String id : ids) {
        ExternalTaskEntity entity = context.getExternalTaskManager().findExternalTaskById(id);
        if (entity != null && !entity.isSuspended() && entity.areRetriesLeft()
            && (entity.getLockExpirationTime() == null || !entity.getLockExpirationTime().after(now))) {
          taken.add(lock(entity));
        }
      }
      return taken;
    });
  }

  private LockedExternalTask lock(ExternalTaskEntity entity) {
    entity.lock(workerId, settings.lock().toMillis());
    entity.setBusinessKey(entity.getExecution().getProcessBusinessKey());
    return LockedExternalTaskImpl.fromEntity(entity, null, false, true, false);
  }

  private void callAll(List<LockedExternalTask> due) {
    for (LockedExternalTask task : due) {
      inFlight.incrementAndGet();
      callers.execute(() -> {
        try {
          run(task);
        } finally {
          inFlight.decrementAndGet();
          if (saturated.get()) {
            trigger();
          }
        }
      });
    }
  }

  /**
   * Makes the calls of a step of a process instance now, in this thread, whatever their retry time
   * (process tests, which run without the automatic calls): returns how many were made, or throws the
   * first technical fault after recording it as the engine would.
   */
  public int callNow(String processInstanceId, String stepId) {
    List<String> ids = engine.getExternalTaskService().createExternalTaskQuery().processInstanceId(processInstanceId)
        .activityId(stepId).list().stream().map(t -> t.getId()).toList();
    RuntimeException first = null;
    for (String id : ids) {
      LockedExternalTask task = command().execute(context -> lock(context.getExternalTaskManager().findExternalTaskById(id)));
      RuntimeException fault = run(task);
      if (first == null) {
        first = fault;
      }
    }
    if (first != null) {
      throw first;
    }
    return ids.size();
  }

  /** Calls the department of one taken task and records the answer; returns the technical fault, if any. */
  private RuntimeException run(LockedExternalTask task) {
    if (!inHand.add(task.getId())) {
      return null; // this node makes it already (its lock ran out while the department took its time)
    }
    String key = task.getBusinessKey() + ":" + task.getActivityId();
    try {
      key = occurrences.idempotencyKey(task.getId()).orElse(key);
      DepartmentStep step = steps.get(task.getTopicName());
      StepCall call = new StepCall(new HashMap<>(task.getVariables()), task.getBusinessKey(), task.getActivityId());
      BpmnError refusal = null;
      try {
        step.answer(call, key);
      } catch (BpmnError e) {
        refusal = e;
      }
      // what follows the step up to the next wait state runs in this transaction too: its fault is the step's
      record(task, call, refusal);
      return null;
    } catch (RuntimeException fault) {
      try {
        fail(task, key, fault);
      } catch (RuntimeException e) {
        log.warn("Department step {}: its failure could not be recorded ({}); it is called again after its lock",
            key, e.toString());
      }
      return fault;
    } finally {
      inHand.remove(task.getId());
    }
  }

  private void record(LockedExternalTask task, StepCall call, BpmnError refusal) {
    inTransaction(task, entity -> {
      ExecutionEntity execution = entity.getExecution();
      call.written().forEach(execution::setVariable);
      if (refusal == null) {
        call.answerWork().forEach(work -> work.accept(execution));
        entity.complete(null, null);
      } else {
        DepartmentStepTasks.answering(entity.getId(),
            () -> entity.bpmnError(refusal.getErrorCode(), refusal.getMessage(), null));
      }
    });
  }

  private void fail(LockedExternalTask task, String key, RuntimeException fault) {
    String message = ResidentIdNumber.maskAll(String.valueOf(fault.getMessage()));
    StringWriter details = new StringWriter();
    fault.printStackTrace(new PrintWriter(details));
    int[] left = new int[1];
    inTransaction(task, entity -> {
      Retry retry = retry(entity);
      left[0] = retry.left();
      entity.failed(message, ResidentIdNumber.maskAll(details.toString()), retry.left(), retry.after().toMillis(),
          null, null);
    });
    if (left[0] > 0) {
      log.warn("Department step {} failed ({} retries left): {}", key, left[0], message);
    } else {
      log.error("Department step {} failed, retries used up (an incident for an operator): {}", key, message);
    }
  }

  /** What is left after this failure and when the next attempt is due: the step's retry cycle. */
  record Retry(int left, Duration after) {
  }

  private Retry retry(ExternalTaskEntity entity) {
    ActivityImpl activity = entity.getExecution().getProcessDefinition().findActivity(entity.getActivityId());
    FailedJobRetryConfiguration configuration = activity.getProperties().get(DefaultFailedJobParseListener.FAILED_JOB_CONFIGURATION);
    String cycle = String.valueOf(configuration.getExpression().getValue(entity.getExecution()));
    return retry(cycle, entity.getRetries());
  }

  /** {@code R5/PT1M}: five attempts a minute apart; {@code PT1M,PT5M,PT30M}: three, spaced as listed. */
  static Retry retry(String cycle, Integer retries) {
    Matcher repeat = REPEAT.matcher(cycle.trim());
    if (repeat.matches()) {
      int total = Integer.parseInt(repeat.group(1));
      int left = (retries == null ? total : retries) - 1;
      return new Retry(Math.max(left, 0), Duration.parse(repeat.group(2)));
    }
    List<Duration> intervals = new ArrayList<>();
    for (String part : cycle.split(",")) {
      intervals.add(Duration.parse(part.trim()));
    }
    int total = intervals.size();
    int left = (retries == null ? total : retries) - 1;
    int next = Math.min(Math.max(total - 1 - left, 0), total - 1);
    return new Retry(Math.max(left, 0), intervals.get(next));
  }

  private interface TaskWork {
    void on(ExternalTaskEntity entity);
  }

  /**
   * Runs work on the task in one transaction, if the task is still this worker's (it is gone when the
   * case was canceled meanwhile). Answers of one case are recorded one at a time on this node; a
   * concurrent update from elsewhere (optimistic locking) is retried.
   */
  private void inTransaction(LockedExternalTask task, TaskWork work) {
    ReentrantLock lock = instanceLocks[Math.floorMod(task.getProcessInstanceId().hashCode(), instanceLocks.length)];
    for (int attempt = 1; ; attempt++) {
      lock.lock();
      try {
        command().execute(context -> {
          ExternalTaskEntity entity = context.getExternalTaskManager().findExternalTaskById(task.getId());
          if (entity == null) {
            log.info("Department step {} of {} was left while its department answered (case canceled or step interrupted);"
                + " the answer is not recorded", task.getActivityId(), task.getBusinessKey());
          } else if (!workerId.equals(entity.getWorkerId())) {
            log.warn("Department step {} of {}: taken by {} after this node's lock ran out; its answer is recorded there",
                task.getActivityId(), task.getBusinessKey(), entity.getWorkerId());
          } else {
            work.on(entity);
          }
          return null;
        });
        return;
      } catch (OptimisticLockingException e) {
        if (attempt >= RECORD_ATTEMPTS) {
          throw e;
        }
        log.info("Department step {} of {}: concurrent update of the case (OptimisticLockingException), recording again",
            task.getActivityId(), task.getBusinessKey());
      } finally {
        lock.unlock();
      }
    }
  }

  private CommandExecutor command() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }

  private static java.util.concurrent.ThreadFactory named(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
