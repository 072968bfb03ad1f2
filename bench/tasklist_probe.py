#!/usr/bin/env python3
"""Task lists at scale: what clerks, supervisors and the background jobs wait for (benchmark, not a test).

Measures, against a running app (see bench/tasklist-scale.sh), each request one at a time, 5 unmeasured
then 20 measured, and prints p50/p95 in ms:
  - each department's Tasklist filters as Tasklist calls them: the filter list with counts
    (GET filter?itemCount=true), each filter's task page (POST filter/{id}/list, HAL, 15 tasks, Tasklist's
    default sorting and the filter's own) and count (GET filter/{id}/count);
  - the task list by candidate group sorted by due date (GET task?candidateGroup=..&sortBy=dueDate) and its count;
  - the supervisor's /api/sla/dashboard and /api/sla/steps, Cockpit's process-definition statistics;
  - one SLA scan and one mail-outbox poll (timers yijianshi_sla_scan / yijianshi_mail_poll of the app,
    read from /actuator/prometheus over at least 12 runs).
Appends the figures with the number of open tasks to bench/results/tasklist-scale.json and prints a table.
"""
import argparse, base64, datetime, json, os, statistics, subprocess, time, urllib.request

CLERKS = {"minzheng": "mz", "gongan": "ga", "weijian": "wj", "qiantai": "frontdesk", "yibao": "yb"}
TASKLIST_SORTING = {"sorting": [{"sortBy": "created", "sortOrder": "desc"}]}


def request(base, user, method, path, body=None, accept="application/json"):
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode())
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:demo".encode()).decode())
    req.add_header("Content-Type", "application/json")
    req.add_header("Accept", accept)
    with urllib.request.urlopen(req, timeout=600) as r:
        raw = r.read()
        return json.loads(raw) if raw else None


WARM, RUNS = 5, 20


def timed(fn):
    warm, runs = WARM, RUNS
    t = time.perf_counter()
    fn()
    if time.perf_counter() - t > 2:  # seconds per call: a few runs tell the story
        warm, runs = 0, 3
    for _ in range(warm - 1):
        fn()
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return {"p50": round(statistics.median(samples), 1),
            "p95": round(samples[max(0, -(-95 * len(samples) // 100) - 1)], 1), "runs": runs}


def prometheus(base):
    with urllib.request.urlopen(base + "/actuator/prometheus", timeout=60) as r:
        return r.read().decode()


def timer_quantiles(text, name):
    q = {}
    for line in text.splitlines():
        if line.startswith(name + "_seconds{") and "quantile=" in line:
            quantile = line.split('quantile="')[1].split('"')[0]
            q[quantile] = float(line.rsplit(" ", 1)[1]) * 1000
        if line.startswith(name + "_seconds_count"):
            q["count"] = float(line.rsplit(" ", 1)[1])
    return q


def background(base, name, interval_s):
    """p50/p95 of the app's own timer over the runs since we started waiting (at least 12)."""
    start = timer_quantiles(prometheus(base), name).get("count", 0)
    deadline = time.monotonic() + interval_s * 40
    while time.monotonic() < deadline:
        q = timer_quantiles(prometheus(base), name)
        if q.get("count", 0) >= start + 12:
            return {"p50": round(q["0.5"], 1), "p95": round(q["0.95"], 1), "runs": int(q["count"])}
        time.sleep(interval_s)  # the app runs these on its own schedule; this client only polls the metric
    return {"p50": None, "p95": None, "runs": 0}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", default="http://localhost:8090")
    p.add_argument("--db", default="yijianshi_bench")
    p.add_argument("--db-host", default="127.0.0.1")
    p.add_argument("--db-port", default="3306")
    p.add_argument("--db-user", default="root")
    p.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "results", "tasklist-scale.json"))
    p.add_argument("--label", default="")
    p.add_argument("--runs", type=int, default=RUNS, help="measured runs per query (after 5 unmeasured)")
    a = p.parse_args()
    globals()["RUNS"] = a.runs
    base = a.url
    sql = subprocess.run(["mysql", "--protocol=tcp", "-h", a.db_host, "-P", a.db_port, "-u", a.db_user, "-N", a.db, "-e",
                          "select count(*) from ACT_RU_TASK; select count(*) from ACT_RU_AUTHORIZATION;"
                          " select count(*) from sla_record where completed_at is null; select count(*) from mail_outbox"],
                         capture_output=True, text=True, check=True).stdout.split()
    open_tasks, auth_rows, open_sla, outbox = (int(x) for x in sql)
    figures = {}

    for user, group in CLERKS.items():
        filters = request(base, user, "GET", "/engine-rest/filter?resourceType=Task")
        figures[f"{group}: filter list with counts (itemCount=true)"] = timed(
            lambda: request(base, user, "GET", "/engine-rest/filter?resourceType=Task&itemCount=true"))
        for f in filters:
            fid, name = f["id"], f["name"]
            figures[f"{group}: 「{name}」 page (Tasklist sorting)"] = timed(lambda: request(
                base, user, "POST", f"/engine-rest/filter/{fid}/list?firstResult=0&maxResults=15", TASKLIST_SORTING,
                accept="application/hal+json"))
            figures[f"{group}: 「{name}」 page (filter's sorting)"] = timed(lambda: request(
                base, user, "POST", f"/engine-rest/filter/{fid}/list?firstResult=0&maxResults=15", {},
                accept="application/hal+json"))
            figures[f"{group}: 「{name}」 count"] = timed(lambda: request(base, user, "GET", f"/engine-rest/filter/{fid}/count"))
        figures[f"{group}: task?candidateGroup={group}&sortBy=dueDate (15)"] = timed(lambda: request(
            base, user, "GET", f"/engine-rest/task?candidateGroup={group}&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15"))
        figures[f"{group}: task/count?candidateGroup={group}"] = timed(lambda: request(
            base, user, "GET", f"/engine-rest/task/count?candidateGroup={group}"))

    figures["supervisor: /api/sla/dashboard"] = timed(lambda: request(base, "dubang", "GET", "/api/sla/dashboard"))
    figures["supervisor: /api/sla/steps"] = timed(lambda: request(base, "dubang", "GET", "/api/sla/steps"))
    figures["supervisor: Cockpit process-definition statistics"] = timed(lambda: request(
        base, "dubang", "GET", "/engine-rest/process-definition/statistics?rootIncidents=true"))
    figures["admin: task list (15, by created)"] = timed(lambda: request(
        base, "admin", "GET", "/engine-rest/task?sortBy=created&sortOrder=desc&firstResult=0&maxResults=15"))
    figures["background: one SLA scan"] = background(base, "yijianshi_sla_scan", 5)
    figures["background: one mail-outbox poll"] = background(base, "yijianshi_mail_poll", 5)

    run = {"at": datetime.datetime.now().isoformat(timespec="seconds"), "label": a.label, "openTasks": open_tasks,
           "authorizationRows": auth_rows, "openSlaRecords": open_sla, "mailOutboxRows": outbox, "figures": figures}
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    runs = json.load(open(a.out)) if os.path.exists(a.out) else []
    runs.append(run)
    json.dump(runs, open(a.out, "w"), ensure_ascii=False, indent=1)
    print(f"open tasks {open_tasks:,}, authorization rows {auth_rows:,}, open SLA records {open_sla:,},"
          f" mail outbox rows {outbox:,}")
    print(f"{'query':70} {'p50 ms':>8} {'p95 ms':>8}")
    for k, v in figures.items():
        print(f"{k:70} {v['p50'] if v['p50'] is not None else '-':>8} {v['p95'] if v['p95'] is not None else '-':>8}")
    worst = max((v["p95"] or 0) for k, v in figures.items() if not k.startswith("background"))
    print(f"slowest request p95: {worst} ms")


if __name__ == "__main__":
    main()
