#!/usr/bin/env python3
"""Case throughput of the platform against bare Camunda (benchmark, not a test: prints figures, asserts nothing).

Drives marriage cases with household move and 生育登记 (MarriageHouseholdProcess) over the REST API, as
Tasklist does: the front desk starts the case, 民政 grants the registration (准予登记), 公安 grants the
move (准予迁移), and the client waits for the case to end; then it starts the next one. The same
clients drive the bare Camunda app (bench/bare-camunda) running the same model with our listeners
stripped (bench/strip_model.py), with and without authorization. Rounds are interleaved (platform,
bare, bare without authorization, then again) and the median round is reported.

  bench/throughput.sh mariadb         # builds both apps and runs the suite below (see README, Performance)
  python3 bench/throughput.py suite --db mariadb --clients 1,4,8,16 --rounds 3 --seconds 20
  python3 bench/throughput.py drive --url http://localhost:8080 --target platform --clients 4 --seconds 20

Waiting for the engine: a client polls (the task list, then the case's history) with gaps growing from
5 ms by a quarter each time up to 100 ms, so a reported hand-off overstates the engine's by at most a
quarter plus 5 ms, and both apps get the same polls. Per case it also prints the database's statements,
commits and log fsyncs (MariaDB's global status; only one app is loaded at a time) and the CPU seconds of
the app and of the database server (/proc).
"""
import argparse
import base64
import datetime
import http.client
import json
import os
import pathlib
import random
import re
import shutil
import statistics
import subprocess
import tempfile
import sys
import threading
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
PROCESS = "MarriageHouseholdProcess"
CONFIRM, REVIEW = "Task_ConfirmMarriageRegistration", "Task_ReviewHouseholdMove"


_issued = set()
_issued_lock = threading.Lock()
# a Zhejiang region code of this driver's own: the drives of a run (warm-up, rounds) share the simulated 民政, and a
# person issued by one drive and again by the next would be found married
_REGION = "33%04d" % random.randint(1000, 9999)


def id_number(male, age):
    """A valid resident ID number (checksum, sex digit) that the simulator does not treat as married.

    Never the same one twice (in one drive by this set, across drives by the drive's own region code): the
    simulated 民政 remembers every couple it registered, and a second marriage of the same person ends the case
    at 已婚 (the client would wait for a task that never comes)."""
    while True:
        birth = datetime.date.today() - datetime.timedelta(days=365 * age + random.randint(1, 3000))
        seq = random.randint(100, 968)
        if seq % 2 != (1 if male else 0):
            seq += 1
        first17 = _REGION + birth.strftime("%Y%m%d") + "%03d" % seq
        with _issued_lock:
            if first17 not in _issued:
                _issued.add(first17)
                return first17 + "10X98765432"[sum(int(a) * b for a, b in zip(first17, W)) % 11]


def variables(values):
    return {"variables": {k: {"value": v} for k, v in values.items()}}


class Api:
    """One client's keep-alive connection to one app, as several users (basic authentication)."""

    def __init__(self, url):
        u = urllib.parse.urlparse(url)
        self.host, self.port = u.hostname, u.port or 80
        self.conn = None

    def call(self, user, method, path, body=None, ok_404=False):
        headers = {"Authorization": "Basic " + base64.b64encode(f"{user}:demo".encode()).decode(),
                   "Content-Type": "application/json"}
        data = None if body is None else json.dumps(body).encode()
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                self.conn.request(method, path, body=data, headers=headers)
                r = self.conn.getresponse()
                raw = r.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        if r.status == 404 and ok_404:
            return None
        if r.status >= 300:
            raise RuntimeError(f"{method} {path} as {user}: {r.status} {raw[:300].decode(errors='replace')}")
        return json.loads(raw) if raw else None


class Target:
    """How a case is driven on the platform (forms, as Tasklist submits them) or on bare Camunda."""

    def __init__(self, kind):
        self.kind = kind

    def start(self, api, n):
        app = {"groomName": "张伟", "groomIdNumber": id_number(True, 30), "brideName": "王芳",
               "brideIdNumber": id_number(False, 28), "applicantEmail": f"bench{n}@example.com",
               "applicantPhone": "13800000000", "declarationSigned": True, "bothPresent": True,
               "householdMoveRequested": True, "householdMoveDirection": "BRIDE_TO_GROOM",
               "birthPlanningRequested": True}
        if self.kind == "platform":
            return api.call("qiantai", "POST", f"/engine-rest/process-definition/key/{PROCESS}/submit-form",
                            variables(app))["id"]
        body = variables(app)
        body["businessKey"] = f"BENCH-{n}"
        return api.call("qiantai", "POST", f"/engine-rest/process-definition/key/{PROCESS}/start", body)["id"]

    def complete(self, api, user, task_id, decision):
        action = "submit-form" if self.kind == "platform" else "complete"
        api.call(user, "POST", f"/engine-rest/task/{task_id}/{action}", variables(decision))


def wait(probe, what, deadline=120.0):
    """Polls with growing gaps (5 ms, +25 % each, at most 100 ms) until probe() returns a value."""
    gap, start = 0.005, time.monotonic()
    while True:
        v = probe()
        if v:
            return v
        if time.monotonic() - start > deadline:
            raise RuntimeError("the engine did not get there in %.0f s: %s" % (deadline, what))
        time.sleep(gap)  # the client's polling interval, not a wait on the engine's behalf
        gap = min(gap * 1.25, 0.1)


def task_of(api, user, pid, key):
    def probe():
        tasks = api.call(user, "GET", f"/engine-rest/task?processInstanceId={pid}&taskDefinitionKey={key}")
        return tasks[0]["id"] if tasks else None
    return probe


def ended(api, pid):
    def probe():
        h = api.call("admin", "GET", f"/engine-rest/history/process-instance/{pid}", ok_404=True)
        if h is None:
            raise RuntimeError(f"admin cannot read the history of {pid}")
        if h["state"] not in ("ACTIVE", "COMPLETED"):
            raise RuntimeError(f"case {pid} ended {h['state']}")
        return h["state"] == "COMPLETED"
    return probe


def drive(url, kind, clients, seconds, warmup, max_cases=None):
    """Runs `clients` clients for warmup + seconds (or until max_cases have started); counts the cases that end
    inside the measured window."""
    target = Target(kind)
    t_begin = time.monotonic()
    t0, t1 = t_begin + warmup, t_begin + warmup + seconds
    lock = threading.Lock()
    r = {"completed": 0, "start": [], "first_task": [], "handoff": [], "last_handoff": [], "errors": []}
    counter = [0]

    def client():
        api = Api(url)
        while time.monotonic() < t1:
            with lock:
                counter[0] += 1
                n = counter[0]
            if max_cases is not None and n > max_cases:
                break
            try:
                s = time.monotonic()
                pid = target.start(api, f"{os.getpid()}-{n}-{random.randint(0, 10**6)}")
                started = time.monotonic()
                confirm = wait(task_of(api, "minzheng", pid, CONFIRM), f"{CONFIRM} of {pid}")
                first = time.monotonic()
                c = time.monotonic()
                target.complete(api, "minzheng", confirm, {"partiesPresent": True, "voluntary": True,
                                                            "noProhibitedKinship": True, "marriageApproved": True})
                review = wait(task_of(api, "gongan", pid, REVIEW), f"{REVIEW} of {pid}")
                h1 = time.monotonic() - c
                c = time.monotonic()
                target.complete(api, "gongan", review, {"householdMoveApproved": True})
                wait(ended(api, pid), f"the end of {pid}")
                done = time.monotonic()
            except Exception as e:  # noqa: BLE001 - a benchmark reports failures, it does not stop on them
                with lock:
                    r["errors"].append(str(e)[:300])
                continue
            if t0 <= done <= t1:
                with lock:
                    r["completed"] += 1
            if s >= t0 and done <= t1:  # latencies of cases entirely inside the window
                with lock:
                    r["start"].append(started - s)
                    r["first_task"].append(first - started)
                    r["handoff"].append(h1)
                    r["last_handoff"].append(done - c)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out = {"target": kind, "clients": clients, "seconds": seconds, "completed": r["completed"],
           "cases_per_s": round(r["completed"] / seconds, 2), "errors": len(r["errors"]),
           "first_errors": r["errors"][:3]}
    for k in ("start", "first_task", "handoff", "last_handoff"):
        out[k + "_p50_ms"], out[k + "_p95_ms"] = percentiles(r[k])
    return out


def percentiles(values):
    if len(values) < 2:
        return (round(values[0] * 1000) if values else None), None
    q = statistics.quantiles(values, n=20)
    return round(statistics.median(values) * 1000), round(q[18] * 1000)


# --- measuring the database and the processes ---------------------------------------------------

MYSQL = ["mysql", "--protocol=tcp", "-h" + os.environ.get("DB_HOST", "127.0.0.1"),
         "-P" + os.environ.get("DB_PORT", "3306"), "-u" + os.environ.get("DB_USER", "root")]
if os.environ.get("DB_PASSWORD"):
    MYSQL.append("-p" + os.environ["DB_PASSWORD"])
COUNTERS = ["Com_select", "Com_insert", "Com_update", "Com_delete", "Com_commit", "Com_rollback",
            "Innodb_data_fsyncs", "Innodb_row_lock_waits", "Innodb_deadlocks"]


def sql(statement):
    return subprocess.run(MYSQL + ["-N", "-e", statement], check=True, capture_output=True, text=True).stdout


def db_status():
    rows = dict(line.split("\t") for line in sql("show global status").splitlines() if "\t" in line)
    return {k: int(rows.get(k, 0)) for k in COUNTERS}


def stat_seconds(stat_path):
    """User plus system CPU seconds from a /proc …/stat file (a process's or one of its threads')."""
    fields = pathlib.Path(stat_path).read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    return stat_seconds(f"/proc/{pid}/stat") if pid else 0.0


def jit_seconds(pid):
    """CPU seconds of the JVM's JIT compiler threads (C1, C2): compiling, not running the application."""
    total = 0.0
    for task in pathlib.Path(f"/proc/{pid}/task").glob("*"):
        try:
            if (task / "comm").read_text().startswith(("C1 Compiler", "C2 Compiler")):
                total += stat_seconds(task / "stat")
        except OSError:  # the thread ended meanwhile
            continue
    return total


def mariadb_pid():
    out = subprocess.run(["pidof", "mariadbd", "mysqld"], capture_output=True, text=True).stdout.split()
    return int(out[0]) if out else None


# --- the apps -----------------------------------------------------------------------------------

class App:
    def __init__(self, name, kind, port, jar, env, args, workdir):
        self.name, self.kind, self.port, self.jar, self.env, self.args = name, kind, port, jar, env, args
        self.workdir = workdir
        self.proc = None
        self.startup_s = None

    @property
    def url(self):
        return f"http://localhost:{self.port}"

    def start(self, extra_args=(), jvm_args=()):
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = open(self.workdir / "app.log", "ab")
        t = time.monotonic()
        self.proc = subprocess.Popen(["java", "-Xms1g", "-Xmx2g", *jvm_args, "-jar", str(self.jar), *self.args,
                                      *extra_args],
                                     cwd=self.workdir, env={**os.environ, **self.env, "PORT": str(self.port)},
                                     stdout=log, stderr=subprocess.STDOUT)
        while True:
            if self.proc.poll() is not None:
                sys.exit(f"{self.name} stopped while starting; see {self.workdir / 'app.log'}")
            try:
                if Api(self.url).call("admin", "GET", "/actuator/health").get("status") == "UP":
                    break
            except Exception:  # noqa: BLE001 - not listening yet
                pass
            time.sleep(0.1)  # polling the health endpoint while the JVM starts
        self.startup_s = round(time.monotonic() - t, 1)
        return self

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(60)


def log_problems(app):
    """Deadlocks, optimistic-locking failures and failed jobs the app logged."""
    text = (app.workdir / "app.log").read_text(errors="replace")
    return {"deadlocks": text.count("Deadlock found"),
            "optimistic_locking": text.count("OptimisticLockingException"),
            "failed_jobs": text.count("ENGINE-16004"),
            "failed_department_calls": len(re.findall(r"Department step \S+ failed", text))}


def suite(a):
    work = ROOT / "target" / "bench-throughput"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    models = work / "models"
    subprocess.run([sys.executable, str(ROOT / "bench" / "strip_model.py"),
                    str(ROOT / "processes" / "marriagebirth" / f"{PROCESS}.bpmn"), str(models)], check=True,
                   stdout=subprocess.DEVNULL)
    platform_jar = next((ROOT / "target").glob("yijianshi-*.jar"))
    bare_jar = ROOT / "bench" / "bare-camunda" / "target" / "bare-camunda-1.jar"
    mariadb = a.db == "mariadb"
    host, port = os.environ.get("DB_HOST", "127.0.0.1"), os.environ.get("DB_PORT", "3306")

    def db_url(name):
        return (f"jdbc:mysql://{host}:{port}/{name}?createDatabaseIfNotExist=true&useUnicode=true"
                f"&characterEncoding=UTF-8&sendFractionalSeconds=false&serverTimezone=UTC")

    if mariadb:
        for name in ("yijianshi_tp", "bare_tp", "bare_noauth_tp"):
            sql(f"drop database if exists {name}")
    smtp = subprocess.Popen([sys.executable, "-W", "ignore", str(pathlib.Path(__file__)), "smtp-sink", "--port", "2526"])
    platform_env = {"YIJIANSHI_DEMO_ENABLED": "true", "YIJIANSHI_SIMULATOR_ENABLED": "true"}
    platform_args = ["--spring.mail.port=2526"]
    if mariadb:
        platform_env.update({"DB_URL": db_url("yijianshi_tp"), "DB_USER": os.environ.get("DB_USER", "root"),
                             "DB_PASSWORD": os.environ.get("DB_PASSWORD", ""),
                             "YIJIANSHI_DATA_KEYS_K1": "1ZZeG4Cc5QR+/PRu7gPIJHfQoVODIbwUfKwx1+UxQ6A=",
                             "YIJIANSHI_DATA_HASH_KEY": "//rZUaE5cKyoxWCbRgAjIqjIIJDh6qicP/DGNabqzzg="})
        platform_args.append("--spring.profiles.active=mysql")

    def bare_env(db, auth):
        env = {"BARE_MODELS": str(models), "BARE_AUTHORIZATION": str(auth).lower()}
        if mariadb:
            env.update({"DB_URL": db_url(db), "DB_USER": os.environ.get("DB_USER", "root"),
                        "DB_PASSWORD": os.environ.get("DB_PASSWORD", "")})
        return env

    apps = [App("platform", "platform", 8091, platform_jar, platform_env, platform_args, work / "platform"),
            App("bare", "bare", 8092, bare_jar, bare_env("bare_tp", True), [], work / "bare"),
            App("bare_noauth", "bare", 8093, bare_jar, bare_env("bare_noauth_tp", False), [], work / "bare_noauth")]
    results = {"db": a.db, "when": datetime.datetime.now().isoformat(timespec="seconds"),
               "machine": f"{os.cpu_count()} cores", "clients": a.clients, "rounds": a.rounds,
               "seconds": a.seconds, "cells": [], "startup_s": {}}
    db_pid = mariadb_pid() if mariadb else None
    if mariadb:
        results["commit_bench"] = commit_bench(db_url("bench_commit"))
    try:
        for app in apps:
            app.start()
            results["startup_s"][app.name] = app.startup_s
            print(f"{app.name} up in {app.startup_s} s", flush=True)
        for app in apps:  # warm-up: JIT, connection pools, caches
            drive(app.url, app.kind, 4, a.warmup_seconds, 0)
        for clients in a.clients:
            for rnd in range(a.rounds):
                for app in apps:
                    results["cells"].append(measure(app, clients, a, rnd, mariadb, db_pid))
        if a.slow_ms:
            # every department answers after slow_ms: the platform's simulator, the bare app's endpoint
            for app in apps[:2]:
                app.stop()
                app.start([f"--yijianshi.simulator.latency=PT{a.slow_ms / 1000}S",
                           f"--bare.latency=PT{a.slow_ms / 1000}S"])
                drive(app.url, app.kind, 4, a.warmup_seconds, 0)
            for clients in a.slow_clients:
                for rnd in range(a.rounds):
                    for app in apps[:2]:
                        cell = measure(app, clients, a, rnd, mariadb, db_pid)
                        cell["latency_ms"] = a.slow_ms
                        results["cells"].append(cell)
        results["log"] = {app.name: log_problems(app) for app in apps}
    finally:
        for app in apps:
            app.stop()
        smtp.terminate()
    if a.startup:
        results["startup_s"].update(embedded_startups(platform_jar, work, rounds=1))
    write(results, a)


def measure(app, clients, a, rnd, mariadb, db_pid):
    before = db_status() if mariadb else None
    cpu_app, cpu_db, jit = cpu_seconds(app.proc.pid), cpu_seconds(db_pid), jit_seconds(app.proc.pid)
    cell = drive(app.url, app.kind, clients, a.seconds, a.warmup)
    cell.update(app=app.name, round=rnd)
    n = max(cell["completed"], 1)
    span = (a.seconds + a.warmup) / a.seconds  # counters run over warm-up and window; cases only in the window
    cell["app_cpu_ms_per_case"] = round((cpu_seconds(app.proc.pid) - cpu_app) * 1000 / span / n, 1)
    cell["app_jit_ms_per_case"] = round((jit_seconds(app.proc.pid) - jit) * 1000 / span / n, 1)
    if mariadb:
        after = db_status()
        d = {k: after[k] - before[k] for k in COUNTERS}
        cell["db_cpu_ms_per_case"] = round((cpu_seconds(db_pid) - cpu_db) * 1000 / span / n, 1)
        cell["statements_per_case"] = round(sum(d[k] for k in COUNTERS[:4]) / span / n, 1)
        cell["writes_per_case"] = round(sum(d[k] for k in COUNTERS[1:4]) / span / n, 1)
        cell["commits_per_case"] = round(d["Com_commit"] / span / n, 1)
        cell["fsyncs_per_case"] = round(d["Innodb_data_fsyncs"] / span / n, 1)
        cell["deadlocks"] = d["Innodb_deadlocks"]
        cell["row_lock_waits"] = d["Innodb_row_lock_waits"]
    print(json.dumps(cell, ensure_ascii=False), flush=True)
    return cell


def commit_bench(url):
    """Durable commits/s the database sustains at 1, 4 and 16 connections (bench/CommitBench.java)."""
    jar = sorted((pathlib.Path.home() / ".m2" / "repository" / "com" / "mysql" / "mysql-connector-j").glob("*/mysql-connector-j-*[0-9].jar"))[-1]
    out = subprocess.run(["java", "-cp", str(jar), str(ROOT / "bench" / "CommitBench.java"), url,
                          os.environ.get("DB_USER", "root"), os.environ.get("DB_PASSWORD", ""), "1,4,16", "5"],
                         check=True, capture_output=True, text=True).stdout
    print(out, end="", flush=True)
    return json.loads(out.strip().splitlines()[-1])


def embedded_startup(jar, work, jvm_args=()):
    """Startup to health UP of the embedded default (H2 file database, demo users, simulator), fresh."""
    shutil.rmtree(work / "embedded", ignore_errors=True)
    app = App("embedded", "platform", 8094, jar, {}, ["--spring.mail.port=2526"], work / "embedded")
    try:
        return app.start(jvm_args=jvm_args).startup_s
    finally:
        app.stop()


def embedded_startups(jar, work, rounds):
    """The embedded default's startup from the jar, and from target/cds/ (./mvnw -Pcds package) when it is there
    and not older than the jar: the median of `rounds` fresh starts each, interleaved."""
    cds = ROOT / "target" / "cds"
    archive = cds / "yijianshi.jsa"
    cds_jar = cds / jar.name
    with_cds = archive.exists() and cds_jar.exists() and archive.stat().st_mtime >= jar.stat().st_mtime
    plain, shared = [], []
    for _ in range(rounds):
        plain.append(embedded_startup(jar, work))
        if with_cds:
            shared.append(embedded_startup(cds_jar, work, [f"-XX:SharedArchiveFile={archive}"]))
    out = {"platform_embedded_h2": statistics.median(plain)}
    if with_cds:
        out["platform_embedded_h2_cds"] = statistics.median(shared)
    print("embedded default, health UP: jar " + str(plain) + (", CDS " + str(shared) if with_cds else
          " (no CDS archive: ./mvnw -Pcds -DskipTests package)"), flush=True)
    return out


def startup(a):
    """Startup to health UP of the embedded default only (no load, no other app running)."""
    jar = next((ROOT / "target").glob("yijianshi-*.jar"))
    work = pathlib.Path(tempfile.mkdtemp(prefix="yjs-startup-"))
    try:
        print(json.dumps(embedded_startups(jar, work, a.rounds)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def median_cell(cells, app, clients, latency=None):
    rows = [c for c in cells if c["app"] == app and c["clients"] == clients and c.get("latency_ms") == latency]
    if not rows:
        return None
    return sorted(rows, key=lambda c: c["cases_per_s"])[len(rows) // 2]


def write(results, a):
    cells = results["cells"]
    lines = ["| clients | platform, cases/s | bare Camunda + authorization | bare, no authorization "
             "| platform start p95 | platform hand-off p95 | platform last hand-off p95 |",
             "|---|---|---|---|---|---|---|"]
    best = {"platform": 0, "bare": 0}
    for clients in a.clients:
        p, b, nb = (median_cell(cells, x, clients) for x in ("platform", "bare", "bare_noauth"))
        best["platform"] = max(best["platform"], p["cases_per_s"])
        best["bare"] = max(best["bare"], b["cases_per_s"])
        lines.append(f"| {clients} | {p['cases_per_s']} | {b['cases_per_s']} | {nb['cases_per_s']} "
                     f"| {p['start_p95_ms']} ms | {p['handoff_p95_ms']} ms | {p['last_handoff_p95_ms']} ms |")
    results["best_ratio"] = round(best["platform"] / best["bare"], 2) if best["bare"] else None
    lines.append("")
    lines.append(f"Best against best: {best['platform']} vs {best['bare']} cases/s, "
                 f"**{results['best_ratio']}×** bare Camunda with authorization.")
    if a.slow_ms:
        top = max(a.clients)
        ps, bs, p0 = (median_cell(cells, "platform", top, a.slow_ms), median_cell(cells, "bare", top, a.slow_ms),
                      median_cell(cells, "platform", top))
        results["slow_ratio"] = round(ps["cases_per_s"] / p0["cases_per_s"], 2)
        lines.append(f"Every department answering after {a.slow_ms} ms, {top} clients: platform {ps['cases_per_s']} "
                     f"cases/s (**{results['slow_ratio']}×** its latency-0 figure), bare Camunda {bs['cases_per_s']}.")
        best_p0 = max(median_cell(cells, "platform", c)["cases_per_s"] for c in a.clients)
        best_b0 = max(median_cell(cells, "bare", c)["cases_per_s"] for c in a.clients)
        for more in [c for c in a.slow_clients if c != top]:
            pm, bm = median_cell(cells, "platform", more, a.slow_ms), median_cell(cells, "bare", more, a.slow_ms)
            results[f"slow_ratio_{more}"] = round(pm["cases_per_s"] / best_p0, 2)
            lines.append(f"With {more} clients: platform {pm['cases_per_s']} cases/s "
                         f"(**{results[f'slow_ratio_{more}']}×** its best latency-0 figure), bare Camunda "
                         f"{bm['cases_per_s']} ({round(bm['cases_per_s'] / best_b0, 2)}× its best).")
    if results["db"] == "mariadb":
        one = {x: median_cell(cells, x, min(a.clients)) for x in ("platform", "bare")}
        lines.append("")
        lines.append("| per completed case, 1 client | platform | bare Camunda + authorization |")
        lines.append("|---|---|---|")
        for key, label in (("statements_per_case", "statements"), ("writes_per_case", "of which insert/update/delete"),
                           ("commits_per_case", "commits (read-only ones included)"),
                           ("fsyncs_per_case", "InnoDB fsyncs (durable commits)"),
                           ("app_cpu_ms_per_case", "app CPU, ms"),
                           ("app_jit_ms_per_case", "of which its JIT compiler threads, ms"),
                           ("db_cpu_ms_per_case", "MariaDB CPU, ms")):
            lines.append(f"| {label} | {one['platform'].get(key)} | {one['bare'].get(key)} |")
        shares = []
        for x in ("platform", "bare", "bare_noauth"):
            xs = [c for c in cells if c["app"] == x and c.get("latency_ms", 0) == 0 and "app_jit_ms_per_case" in c]
            app_ms = sum(c["app_cpu_ms_per_case"] * c["completed"] for c in xs)
            if app_ms:
                shares.append(f"{x} {round(100 * sum(c['app_jit_ms_per_case'] * c['completed'] for c in xs) / app_ms)}%")
        if shares:
            lines.append("")
            lines.append("Share of each app's CPU spent by its JIT compiler threads over the latency-0 cells: "
                         + ", ".join(shares) + ".")
        commits = results.get("commit_bench", {}).get("16")
        if commits:
            lines.append("")
            lines.append(f"The database sustains {commits} durable commits/s at 16 connections (bench/CommitBench.java): "
                         f"at {one['platform']['fsyncs_per_case']} log fsyncs per case that is a limit of "
                         f"≈ {round(commits / one['platform']['fsyncs_per_case'])} cases/s.")
    lines.append("")
    lines.append("Startup to health UP: " + ", ".join(f"{k} {v} s" for k, v in results["startup_s"].items()) + ".")
    lines.append("Logged under load: " + "; ".join(
        f"{k}: {v['deadlocks']} deadlocks, {v['optimistic_locking']} optimistic-locking failures, "
        f"{v['failed_jobs']} failed jobs, {v.get('failed_department_calls', 0)} failed department calls"
        for k, v in results.get("log", {}).items()) + ".")
    table = "\n".join(lines)
    results["markdown"] = table
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    stamp = results["when"].replace(":", "")
    (out / f"throughput-{a.db}-{stamp}.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    (out / f"throughput-{a.db}-{stamp}.md").write_text(table + "\n")
    print(table)


def statements(a):
    """Every statement of `cases` cases driven one at a time, by verb and table, from MariaDB's general log.

    Run against one app at a time (nothing else on the database): the general log holds every session's
    statements. Prints per case: statements by table (ACT_* are the engine's, the rest the platform's own),
    and the transactions that wrote (durable commits)."""
    import collections
    import re
    sql("set global log_output = 'TABLE'")
    sql("truncate table mysql.general_log")
    sql("set global general_log = 'ON'")
    try:
        drive(a.url, a.target, 1, 3600, 0, max_cases=a.cases)  # one client: one case at a time
    finally:
        sql("set global general_log = 'OFF'")
    rows = sql("select thread_id, replace(replace(argument, '\\n', ' '), '\\t', ' ') from mysql.general_log"
               " where command_type in ('Query', 'Execute')").splitlines()
    by_table = collections.Counter()
    wrote, autocommit, durable = {}, {}, 0
    verb_re = re.compile(r"^\s*(select|insert|update|delete|commit|rollback|set|show)\b", re.I)
    table_re = re.compile(r"\b(?:from|into|update|join)\s+`?([A-Za-z_][A-Za-z0-9_]*)", re.I)
    for row in rows:
        thread, _, text = row.partition("\t")
        m = verb_re.match(text)
        verb = m.group(1).lower() if m else "other"
        if verb in ("select", "insert", "update", "delete"):
            t = table_re.search(text)
            table = t.group(1).lower() if t else "-"
            if "general_log" in text or table in ("information_schema", "dual"):
                continue
            by_table[(table, verb)] += 1
            if verb != "select":
                if autocommit.get(thread, True):
                    durable += 1  # a write outside a transaction commits by itself
                else:
                    wrote[thread] = True
        elif verb in ("commit", "rollback"):
            if wrote.pop(thread, False) and verb == "commit":
                durable += 1
        elif verb == "set" and "autocommit=" in text.replace(" ", "").lower():
            on = "autocommit=1" in text.replace(" ", "").lower()
            if on and wrote.pop(thread, False):
                durable += 1  # switching autocommit on commits what is open
            autocommit[thread] = on
    total = sum(by_table.values())
    print(f"{a.target}: {total / a.cases:.1f} statements and {durable / a.cases:.1f} committed transactions that"
          f" wrote, per case ({a.cases} cases, one at a time)")
    for (table, verb), count in sorted(by_table.items(), key=lambda kv: -kv[1]):
        print(f"  {count / a.cases:6.1f}  {verb:6} {table}")


def smtp_sink(a):
    """An SMTP server that accepts every mail and drops it (the platform's receipts and notices)."""
    import asyncore  # noqa: deprecated, still in Python 3.11
    import smtpd

    class Sink(smtpd.SMTPServer):
        def process_message(self, *args, **kwargs):
            return None

    Sink(("localhost", a.port), None)
    asyncore.loop()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("suite")
    s.add_argument("--db", choices=("mariadb", "h2"), default="mariadb")
    s.add_argument("--clients", type=lambda v: [int(x) for x in v.split(",")], default=[1, 4, 8, 16])
    s.add_argument("--rounds", type=int, default=3)
    s.add_argument("--seconds", type=float, default=20)
    s.add_argument("--warmup", type=float, default=4, help="seconds of load before each measured window")
    s.add_argument("--warmup-seconds", type=float, default=20, help="first warm-up of each app")
    s.add_argument("--slow-ms", type=int, default=500, help="department latency of the slow phase (0: none)")
    s.add_argument("--slow-clients", type=lambda v: [int(x) for x in v.split(",")], default=[16],
                   help="clients of the slow phase, e.g. 16,48 (the largest of --clients: the goal's figure)")
    s.add_argument("--no-startup", dest="startup", action="store_false")
    d = sub.add_parser("drive")
    d.add_argument("--url", required=True)
    d.add_argument("--target", choices=("platform", "bare"), default="platform")
    d.add_argument("--clients", type=int, default=4)
    d.add_argument("--seconds", type=float, default=20)
    d.add_argument("--warmup", type=float, default=3)
    st = sub.add_parser("statements", help="statements per case by table, from MariaDB's general log")
    st.add_argument("--url", required=True)
    st.add_argument("--target", choices=("platform", "bare"), default="platform")
    st.add_argument("--cases", type=int, default=5)
    u = sub.add_parser("startup", help="startup to health UP of the embedded default, jar and CDS (median)")
    u.add_argument("--rounds", type=int, default=3)
    m = sub.add_parser("smtp-sink")
    m.add_argument("--port", type=int, default=2526)
    a = p.parse_args()
    if a.command == "suite":
        suite(a)
    elif a.command == "statements":
        statements(a)
    elif a.command == "startup":
        startup(a)
    elif a.command == "drive":
        print(json.dumps(drive(a.url, a.target, a.clients, a.seconds, a.warmup), ensure_ascii=False))
    else:
        smtp_sink(a)


if __name__ == "__main__":
    main()
