package cn.jiaxing.yijianshi.bench;

import cn.jiaxing.yijianshi.shared.ResidentIdNumber;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark data, not part of the application: compiled and put on the class path only by
 * {@code bench/tasklist-scale.sh}. With {@code --bench.open-cases=N} it opens N real cases through
 * the Java API (the same start listeners, case file, SLA records, mail outbox and department calls
 * as a case from Tasklist), in transactions of {@code bench.batch} starts, and leaves them waiting
 * at a department's user task, spread over the departments and families that exist:
 *
 * <pre>
 *   4 in 10  MarriageHouseholdProcess at 核实双方并准予登记      (民政 mz)
 *   4 in 10  BirthHouseholdProcess    at 核对出生医学信息        (卫健 wj)
 *   1 in 10  BirthHouseholdProcess    at 审核出生登记            (公安 ga; 卫健 confirmed it)
 *   1 in 10  MarriageHouseholdProcess at 补正结婚登记材料        (综合窗口 frontdesk; 民政 asked for 补正)
 * </pre>
 *
 * The application keeps running afterwards so that {@code bench/tasklist_probe.py} can measure it.
 */
@Component
@ConditionalOnProperty("bench.open-cases")
class OpenCasesRunner {

  private static final Logger log = LoggerFactory.getLogger(OpenCasesRunner.class);
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final String[] GIVEN_NAMES = {"小宝", "子涵", "一诺", "欣怡", "浩然", "梓萱", "宇轩", "思远", "雨桐", "若曦",
      "嘉怡", "俊杰", "诗涵", "博文", "可馨", "天佑", "沐阳", "语嫣", "书瑶", "明哲"};

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final TransactionTemplate tx;
  private final int cases;
  private final int batch;
  private final int threads;

  OpenCasesRunner(RuntimeService runtime, TaskService tasks, ManagementService management, TransactionTemplate tx,
      @Value("${bench.open-cases}") int cases, @Value("${bench.batch:50}") int batch,
      @Value("${bench.threads:2}") int threads) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.tx = tx;
    this.cases = cases;
    this.batch = batch;
    this.threads = threads;
  }

  /** After the job executor has started (it starts when the application is ready), in a thread of its own. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(100)
  void start() {
    Thread thread = new Thread(() -> {
      try {
        run();
      } catch (Throwable e) {
        log.error("bench: failed", e);
      }
    }, "bench-open-cases");
    thread.start();
  }

  private void run() throws Exception {
    long t0 = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    List<String> toVerify = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String> toSupplement = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(pool.submit(() -> {
        int from;
        while ((from = next.getAndAdd(batch)) < cases) {
          int to = Math.min(cases, from + batch);
          int first = from;
          List<String> verify = new ArrayList<>();
          List<String> supplement = new ArrayList<>();
          retried("start", to - first, () -> tx.executeWithoutResult(status -> {
            verify.clear();
            supplement.clear();
            for (int i = first; i < to; i++) {
              int kind = i % 10;
              boolean marriage = kind < 4 || kind == 9;
              String id = marriage
                  ? runtime.startProcessInstanceByKey("MarriageHouseholdProcess", marriage()).getId()
                  : runtime.startProcessInstanceByKey("BirthHouseholdProcess", birth()).getId();
              if (kind == 8) {
                verify.add(id);
              } else if (kind == 9) {
                supplement.add(id);
              }
            }
          }));
          toVerify.addAll(verify);
          toSupplement.addAll(supplement);
          if (to % 1000 < batch) {
            log.info("bench: {} of {} cases started ({}/s)", to, cases, rate(to, t0));
          }
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    awaitJobs();
    log.info("bench: {} cases started and at their first department step in {} s ({}/s)", cases,
        (System.nanoTime() - t0) / 1_000_000_000L, rate(cases, t0));
    complete(toVerify, "Task_VerifyBirthRecord", Map.of("birthRecordConfirmed", true));
    complete(toSupplement, "Task_ConfirmMarriageRegistration",
        Map.of("supplementRequested", true, "supplementNote", "请补交双方户口簿原件"));
    awaitJobs();
    log.info("bench: done, {} cases opened in {} s; open tasks now {}", cases,
        (System.nanoTime() - t0) / 1_000_000_000L, tasks.createTaskQuery().count());
  }

  private void complete(List<String> instances, String taskKey, Map<String, Object> decision) {
    for (int from = 0; from < instances.size(); from += 50) {
      List<String> ids = instances.subList(from, Math.min(instances.size(), from + 50));
      retried("complete", ids.size(), () -> tx.executeWithoutResult(status -> {
        for (Task t : tasks.createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new))
            .taskDefinitionKey(taskKey).list()) {
          tasks.complete(t.getId(), decision);
        }
      }));
    }
  }

  /** The job executor works on the same cases meanwhile: a deadlock rolls a batch back, so it is repeated. */
  private static void retried(String what, int size, Runnable batch) {
    for (int attempt = 1; ; attempt++) {
      try {
        batch.run();
        return;
      } catch (RuntimeException e) {
        if (attempt == 5) {
          throw e;
        }
        log.warn("bench: {} batch of {} rolled back ({}), again", what, size, e.getClass().getSimpleName());
      }
    }
  }

  /** Department calls run in the job executor; wait until it has done them (a bench, so polling is fine). */
  private void awaitJobs() throws InterruptedException {
    while (management.createJobQuery().executable().count() > 0) {
      Thread.sleep(1000);
    }
  }

  private static long rate(int n, long t0) {
    return Math.round(n / ((System.nanoTime() - t0) / 1e9));
  }

  private static Map<String, Object> marriage() {
    Map<String, Object> v = new HashMap<>();
    v.put("groomName", "张伟");
    v.put("groomIdNumber", person(true, 30));
    v.put("brideName", "王芳");
    v.put("brideIdNumber", person(false, 28));
    email(v);
    v.put("declarationSigned", true);
    v.put("bothPresent", true);
    v.put("householdMoveRequested", false);
    v.put("birthPlanningRequested", false);
    return v;
  }

  private static Map<String, Object> birth() {
    Map<String, Object> v = new HashMap<>();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    v.put("childName", "张" + GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)]);
    v.put("childSex", random.nextBoolean() ? "F" : "M");
    v.put("childBirthDate", LocalDate.now(ZONE).minusDays(random.nextInt(25)).toString());
    v.put("birthHospital", "嘉兴市妇幼保健院");
    v.put("motherName", "王芳");
    v.put("motherIdNumber", person(false, 29));
    v.put("fatherName", "张伟");
    v.put("fatherIdNumber", person(true, 31));
    v.put("householdParent", "FATHER");
    email(v);
    v.put("declarationSigned", true);
    return v;
  }

  /** One applicant in ten leaves an e-mail address (the others a phone number): receipts go to the outbox. */
  private static void email(Map<String, Object> v) {
    if (ThreadLocalRandom.current().nextInt(10) == 0) {
      v.put("applicantEmail", "bench@yijianshi.jiaxing.local");
    } else {
      v.put("applicantPhone", "13800000000");
    }
  }

  /** A valid random ID number (sequence 100–969: no documented simulator refusal). */
  private static String person(boolean male, int age) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    LocalDate birth = LocalDate.now(ZONE).minusYears(age).minusDays(1 + random.nextInt(7000));
    int sequence = 100 + random.nextInt(870);
    if (sequence % 2 != (male ? 1 : 0)) {
      sequence += sequence % 10 == 9 ? -1 : 1;
    }
    String first17 = "330402" + birth.toString().replace("-", "") + String.format("%03d", sequence);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }
}
