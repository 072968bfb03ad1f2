#!/usr/bin/env python3
"""Case throughput of a running Yijianshi app (benchmark, not a test: prints figures, asserts nothing).

Starts N 出生一件事 cases through the Camunda REST API as the front desk, completes the two manual
steps as 卫健 and 公安, and waits until every case is closed. Prints start-form latency percentiles,
end-to-end case time and cases per minute.

  ./mvnw spring-boot:run            # in another terminal (or any deployment with demo users)
  python3 bench/case_throughput.py --cases 50 --url http://localhost:8080
"""
import argparse, base64, datetime, json, random, statistics, time, urllib.request, urllib.error

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_number(male, age):
    birth = datetime.date.today() - datetime.timedelta(days=365 * age + random.randint(1, 300))
    seq = random.randint(100, 969)
    if seq % 2 != (1 if male else 0):
        seq += 1
    first17 = "330402" + birth.strftime("%Y%m%d") + "%03d" % seq
    return first17 + "10X98765432"[sum(int(a) * b for a, b in zip(first17, W)) % 11]


def call(base, user, method, path, body=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:demo".encode()).decode())
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=30) as r:
        raw = r.read()
        return json.loads(raw) if raw else None


def variables(values):
    return {"variables": {k: {"value": v} for k, v in values.items()}}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", default="http://localhost:8080")
    p.add_argument("--cases", type=int, default=20)
    a = p.parse_args()
    today = datetime.date.today()
    starts, cases = [], {}
    t0 = time.monotonic()
    for i in range(a.cases):
        app = {"childName": "压测%d" % i, "childSex": "F", "childBirthDate": str(today - datetime.timedelta(days=2)),
               "birthHospital": "嘉兴市妇幼保健院", "motherName": "王芳", "motherIdNumber": id_number(False, 29),
               "fatherName": "张伟", "fatherIdNumber": id_number(True, 31), "householdParent": "FATHER",
               "declarationSigned": True}
        s = time.monotonic()
        pi = call(a.url, "qiantai", "POST", "/engine-rest/process-definition/key/BirthHouseholdProcess/submit-form",
                  variables(app))
        starts.append(time.monotonic() - s)
        cases[pi["businessKey"]] = time.monotonic()
    done = {}
    steps = [("weijian", "Task_VerifyBirthRecord", {"birthRecordConfirmed": True}),
             ("gongan", "Task_ReviewBirthRegistration", {"birthRegistrationApproved": True})]
    deadline = time.monotonic() + 600
    while len(done) < len(cases) and time.monotonic() < deadline:
        for user, key, decision in steps:
            for t in call(a.url, user, "GET", f"/engine-rest/task?taskDefinitionKey={key}&maxResults=200") or []:
                try:
                    call(a.url, user, "POST", f"/engine-rest/task/{t['id']}/submit-form", variables(decision))
                except urllib.error.HTTPError:
                    pass
        for n in [c for c in cases if c not in done]:
            if call(a.url, "qiantai", "GET", f"/api/cases/{n}")["status"] != "OPEN":
                done[n] = time.monotonic() - cases[n]
        time.sleep(0.2)  # polling interval of this client, not a wait on the engine's behalf
    total = time.monotonic() - t0
    q = statistics.quantiles(starts, n=20)
    e2e = sorted(done.values())
    print(f"cases started: {len(cases)}, closed: {len(done)} in {total:.1f} s")
    print(f"start-form latency: p50 {statistics.median(starts) * 1000:.0f} ms, p95 {q[18] * 1000:.0f} ms")
    if e2e:
        print(f"case start→closed: p50 {statistics.median(e2e):.2f} s, max {e2e[-1]:.2f} s")
    print(f"throughput: {len(done) / total * 60:.0f} cases/min (one client, manual steps done by the script)")


if __name__ == "__main__":
    main()
