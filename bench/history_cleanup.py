#!/usr/bin/env python3
"""What Camunda's history cleanup costs on 100,000 finished cases (benchmark, not a test). See README, "Operations".

    bench/history-cleanup.sh            # builds the jar, then all of the below on MariaDB (database yijianshi_hc)

Starts the packaged platform on its own MariaDB/MySQL database (dropped first), completes marriage cases
through REST for --drive-seconds with bench/throughput.py's driver, then copies the history of up to --sample finished cases (every history
table with a removal time, the byte arrays included) until --cases finished cases are there, all due for
removal, then starts the cleanup as an operator would (POST /engine-rest/history/cleanup?immediatelyDue=true,
the configured batch size and degree of parallelism, or --parallelism) and measures how long the job executor
takes to remove them (it is done when no cleanup job is due any more), the rows per second, and the CPU the
database and the app spend. Give InnoDB a buffer pool that holds the copied history (≈ 17 GB for 100,000 cases),
or the figures measure the disk. It prints a Markdown table and writes bench/results/history-cleanup-<time>.json.
"""
import argparse
import base64
import concurrent.futures
import datetime
import http.client
import json
import os
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
ID_COLUMNS = ("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_")


def sql(db, statement, host="127.0.0.1", port=3306, user="root", password=""):
    cmd = ["mysql", "--protocol=tcp", f"-h{host}", f"-P{port}", f"-u{user}", "-N", "-B", db, "-e", statement]
    if password:
        cmd.insert(5, f"-p{password}")
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{done.stderr.strip()}\n  in: {statement[:300]}")
    out = done.stdout
    return [line.split("\t") for line in out.splitlines() if line]


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pid_of(name):
    out = subprocess.run(["pidof", name], capture_output=True, text=True).stdout.split()
    return int(out[0]) if out else None


def post(url, path, user="admin", password="demo"):
    host = url.split("//", 1)[1]
    conn = http.client.HTTPConnection(host, timeout=30)
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    conn.request("POST", path, body="{}", headers={"Authorization": f"Basic {token}",
                                                     "Content-Type": "application/json"})
    r = conn.getresponse()
    body = r.read()
    if r.status >= 300:
        raise SystemExit(f"POST {path}: HTTP {r.status} {body[:300]!r}")
    return json.loads(body) if body else None


def history_tables(db):
    rows = sql(db, "select c.TABLE_NAME from information_schema.COLUMNS c where c.TABLE_SCHEMA = database()"
                   " and c.COLUMN_NAME = 'REMOVAL_TIME_' and exists (select 1 from information_schema.COLUMNS r"
                   " where r.TABLE_SCHEMA = c.TABLE_SCHEMA and r.TABLE_NAME = c.TABLE_NAME"
                   " and r.COLUMN_NAME = 'ROOT_PROC_INST_ID_') order by 1")
    return [r[0] for r in rows if r[0].upper().startswith(("ACT_HI_", "ACT_GE_BYTEARRAY"))]


def due_rows(db, tables):
    total = 0
    for t in tables:
        total += int(sql(db, f"select count(*) from {t} where REMOVAL_TIME_ <= now()")[0][0])
    return total


def tables_sum(db, tables, expression):
    """A sum over the tables' entries in information_schema.TABLES (InnoDB's estimates: cheap, not exact)."""
    names = ",".join(f"'{t}'" for t in tables)
    return int(sql(db, f"select coalesce(sum({expression}), 0) from information_schema.TABLES where"
                       f" TABLE_SCHEMA = database() and TABLE_NAME in ({names})")[0][0])


def cleanup_done(db):
    return int(sql(db, "select count(*) from ACT_RU_JOB where HANDLER_TYPE_ = 'history-cleanup'"
                       " and (DUEDATE_ is null or DUEDATE_ < now() + interval 10 minute)")[0][0]) == 0


def run(a):
    db = a.db
    tables = history_tables(db)
    roots = [r[0] for r in sql(db, "select PROC_INST_ID_ from ACT_HI_PROCINST where END_TIME_ is not null"
                                   " and SUPER_PROCESS_INSTANCE_ID_ is null and PROC_INST_ID_ not like '%~%'"
                                   f" order by END_TIME_ limit {a.sample}")]
    if not roots:
        raise SystemExit(f"no finished case in {db}: run `prepare` first")
    in_roots = ",".join(f"'{r}'" for r in roots)
    per_case = {}
    for t in tables:
        per_case[t] = int(sql(db, f"select count(*) from {t} where ROOT_PROC_INST_ID_ in ({in_roots})")[0][0]) / len(roots)
    copies = -(-a.cases // len(roots)) - 1  # the sample itself is one copy
    print(f"{len(roots)} finished cases sampled, {sum(per_case.values()):.0f} history rows each; "
          f"{copies} copies of each -> {len(roots) * (copies + 1)} cases", flush=True)
    sql(db, "drop table if exists bench_seq; create table bench_seq (n int primary key)")
    sql(db, "insert into bench_seq (n) values " + ",".join(f"({n})" for n in range(1, copies + 1)))
    # every copy due for removal since yesterday; the sample too. Copied in slices of `step` copies, two tables
    # at once (one statement per table, one table after another: 162 s for 10,000 cases, one core idle)
    step = 50
    started = time.time()
    slices = []
    for t in sorted(tables, key=lambda t: -per_case[t]):
        cols = [r[0] for r in sql(db, "select COLUMN_NAME from information_schema.COLUMNS where TABLE_SCHEMA ="
                                      f" database() and TABLE_NAME = '{t}' order by ORDINAL_POSITION")]
        select = ", ".join(
            # the row's own id: a digest (ids may fill their column already); the instances': suffixed
            f"md5(concat(ID_, '~', s.n))" if c == "ID_"
            else f"case when {c} is null then null else concat({c}, '~', s.n) end" if c in ID_COLUMNS
            # due since yesterday, spread over the minutes of an hour as real cases' ends are (the cleanup's
            # degree of parallelism splits the work by the minute of the removal time)
            else "now() - interval 1 day - interval (s.n mod 60) minute" if c == "REMOVAL_TIME_" else c for c in cols)
        # one table's slices one after another (two sessions inserting into one table deadlock on its indexes)
        slices.append([f"insert into {t} ({', '.join(cols)}) select {select} from {t} cross join bench_seq s"
                       f" where {t}.ROOT_PROC_INST_ID_ in ({in_roots}) and s.n between {first} and {first + step - 1}"
                       for first in range(1, copies + 1, step)])
        print(f"  {t}: {per_case[t]:.1f} rows a case", flush=True)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda statements: [sql(db, x) for x in statements], slices))
    for t in tables:
        sql(db, f"update {t} set REMOVAL_TIME_ = now() - interval 1 day where ROOT_PROC_INST_ID_ in ({in_roots})")
    copied_s = time.time() - started
    due = due_rows(db, tables)
    print(f"{due} history rows due for removal ({copied_s:.0f} s to copy)", flush=True)
    sql(db, "analyze table " + ", ".join(tables))  # the sizes below are InnoDB's statistics: bring them up to date
    history_mib = tables_sum(db, tables, "DATA_LENGTH + INDEX_LENGTH") // 2**20
    pool_mib = int(sql(db, "select @@innodb_buffer_pool_size")[0][0]) // 2**20
    if history_mib > pool_mib:
        print(f"warning: the history takes about {history_mib} MiB with its indexes and InnoDB's buffer pool is"
              f" {pool_mib} MiB: the cleanup will wait on the disk (a production server gives InnoDB most of its"
              " memory; SET GLOBAL innodb_buffer_pool_size = <bytes> as root, until the server restarts)", flush=True)

    app_pid = a.app_pid
    db_pid = pid_of("mariadbd") or pid_of("mysqld")
    app_cpu0 = cpu_seconds(app_pid) if app_pid else None
    db_cpu0 = cpu_seconds(db_pid) if db_pid else None
    t0 = time.time()
    post(a.url, "/engine-rest/history/cleanup?immediatelyDue=true")
    # counting millions of due rows every few seconds would take the database's time from the cleanup: while it
    # runs, progress is InnoDB's row estimate, and the cleanup is over when no cleanup job is due any more
    # (Camunda moves them to the next night's window once a run finds less than a batch to remove)
    samples = []
    while time.time() - t0 < a.timeout:
        time.sleep(a.poll)
        estimate = tables_sum(db, tables, "TABLE_ROWS")
        samples.append((round(time.time() - t0, 1), estimate))
        print(f"  {samples[-1][0]} s: about {estimate} history rows in the tables", flush=True)
        if cleanup_done(db):
            break
    took = time.time() - t0
    left = due_rows(db, tables)
    removed = due - left
    result = {
        "cases": len(roots) * (copies + 1), "rows_per_case": round(sum(per_case.values()), 1),
        "rows_per_case_by_table": {t: round(v, 1) for t, v in per_case.items()},
        "rows_due": due, "rows_removed": removed, "rows_left": left, "seconds": round(took, 1),
        "rows_per_s": round(removed / took), "cases_per_hour": round(removed / sum(per_case.values()) / took * 3600),
        "app_cpu_s": round(cpu_seconds(app_pid) - app_cpu0, 1) if app_pid else None,
        "db_cpu_s": round(cpu_seconds(db_pid) - db_cpu0, 1) if db_pid else None,
        "parallelism": a.parallelism or "configured", "history_mib": history_mib, "innodb_buffer_pool_mib": pool_mib, "copy_s": round(copied_s, 1),
        "finished": left == 0, "samples": samples,
    }
    stamp = datetime.datetime.now().strftime("%Y-%m-%dT%H%M%S")
    out = ROOT / "bench" / "results" / f"history-cleanup-{stamp}.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print()
    print("| finished cases | history rows | removed in | rows/s | cases/hour | app CPU | MariaDB CPU |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {result['cases']} | {due} ({result['rows_per_case']} a case) | {result['seconds']} s"
          f"{'' if result['finished'] else ' (stopped: not finished)'} | {result['rows_per_s']} | {result['cases_per_hour']}"
          f" | {result['app_cpu_s']} s | {result['db_cpu_s']} s |")
    print(f"\n{out.relative_to(ROOT)}")


def prepare(a):
    """The platform on its own database with finished cases; returns the running app and the SMTP sink."""
    sys.path.insert(0, str(ROOT / "bench"))
    import throughput
    subprocess.run(["mysql", "--protocol=tcp", "-h127.0.0.1", "-uroot", "-e", f"drop database if exists {a.db}"],
                   check=True)
    work = ROOT / "target" / "bench-history-cleanup"
    work.mkdir(parents=True, exist_ok=True)
    smtp = subprocess.Popen([sys.executable, "-W", "ignore", str(ROOT / "bench" / "throughput.py"), "smtp-sink",
                             "--port", "2527"])
    env = {"YIJIANSHI_DEMO_ENABLED": "true", "YIJIANSHI_SIMULATOR_ENABLED": "true",
           "DB_URL": f"jdbc:mysql://127.0.0.1:3306/{a.db}?createDatabaseIfNotExist=true&useUnicode=true"
                     "&characterEncoding=UTF-8&sendFractionalSeconds=false&serverTimezone=UTC",
           "DB_USER": "root", "DB_PASSWORD": "",
           "YIJIANSHI_DATA_KEYS_K1": "1ZZeG4Cc5QR+/PRu7gPIJHfQoVODIbwUfKwx1+UxQ6A=",
           "YIJIANSHI_DATA_HASH_KEY": "//rZUaE5cKyoxWCbRgAjIqjIIJDh6qicP/DGNabqzzg="}
    jar = next((ROOT / "target").glob("yijianshi-*.jar"))
    args = ["--spring.mail.port=2527", "--spring.profiles.active=mysql"]
    if a.parallelism:
        args.append(f"--camunda.bpm.generic-properties.properties.history-cleanup-degree-of-parallelism={a.parallelism}")
    app = throughput.App("platform", "platform", a.port, jar, env, args, work).start()
    print(f"platform up in {app.startup_s} s; completing cases for {a.drive_seconds} s", flush=True)
    stats = throughput.drive(app.url, "platform", 4, a.drive_seconds, 0)
    print(f"driver: {json.dumps(stats, ensure_ascii=False)[:300]}", flush=True)
    return app, smtp


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", default="yijianshi_hc")
    p.add_argument("--port", type=int, default=8094)
    p.add_argument("--drive-seconds", type=float, default=60)
    p.add_argument("--cases", type=int, default=100000)
    p.add_argument("--sample", type=int, default=100, help="finished cases whose history is copied")
    p.add_argument("--parallelism", type=int, default=0,
                   help="the cleanup's degree of parallelism (1-8; default: as configured in application.yaml)")
    p.add_argument("--poll", type=float, default=10.0)
    p.add_argument("--timeout", type=float, default=3600.0)
    a = p.parse_args()
    app, smtp = prepare(a)
    a.url, a.app_pid = app.url, app.proc.pid
    try:
        run(a)
    finally:
        app.stop()
        smtp.terminate()


if __name__ == "__main__":
    main()
