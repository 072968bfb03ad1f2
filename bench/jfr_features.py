"""Where a JFR recording's samples go by platform feature (every thread): each sample is given to the first
feature whose frame it contains, in the order below. Used by bench/profile.sh next to bench/jfr_top.py."""
import re, sys, collections, subprocess

FEATURES = [  # (feature, frame pattern); the first match wins
    ("mail (outbox, MIME, SMTP)", r"yijianshi\.notification\.|javamail|angus\.mail"),
    ("simulated departments (server side)", r"yijianshi\.simulator\."),
    ("department HTTP client", r"yijianshi\.departments\.internal\.DepartmentHttp|jdk\.internal\.net\.http"),
    ("DMN decisions", r"DmnEngine|evaluateDecision"),
    ("case file (JPA)", r"yijianshi\.casefile\."),
    ("SLA records", r"yijianshi\.sla\."),
    ("step occurrences", r"yijianshi\.engine\.StepOccurrences"),
    ("looking for due department calls", r"DepartmentCalls\.fetchDue"),
    ("recording department answers", r"DepartmentCalls\.(record|fail|inTransaction)"),
    ("form guard checks", r"RestInputGuard\$Guard\.(check|readThroughTheForm|checkTaskWrite|unchanged|asSystem|withAuthentication)"),
    ("task visibility", r"yijianshi\.engine\.TaskVisibility"),
    ("driver polls: task list", r"TaskRestServiceImpl\.(getTasks|queryTasks)"),
    ("driver polls: case end", r"HistoricProcessInstanceResourceImpl"),
    ("form submits (engine)", r"TaskResourceImpl\.submit|ProcessDefinitionResourceImpl\.submitForm"),
    ("login / authentication", r"ProcessEngineAuthenticationFilter|LoginCache|Authentication"),
    ("other platform code", r"cn\.jiaxing\.yijianshi"),
    ("HTTP server (Tomcat, filters)", r"org\.apache\.(catalina|coyote|tomcat)|springframework\.web"),
]

def main(path):
    txt = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "512", path],
                         capture_output=True, text=True).stdout
    samples = txt.split("jdk.ExecutionSample")[1:]
    counts = collections.Counter()
    for s in samples:
        frames = "\n".join(re.findall(r"^\s+([\w.$<>]+)\(", s, re.M))
        counts[next((name for name, pattern in FEATURES if re.search(pattern, frames)), "other (engine, JVM)")] += 1
    total = max(len(samples), 1)
    print(f"-- by feature ({len(samples)} samples; a sample counts once, for the first feature listed that it is in)")
    for name, _ in FEATURES + [("other (engine, JVM)", None)]:
        print(f"{100 * counts[name] / total:5.1f}% {name}")

if __name__ == "__main__":
    main(sys.argv[1])
