"""Top frames of a JFR recording: threads, self time, the innermost frame of our own code, and inclusive shares
of selected frames (a regular expression as the second argument). Used by bench/profile.sh."""
import re, sys, collections, subprocess
jfr = sys.argv[1]
txt = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", jfr],
                     capture_output=True, text=True).stdout
evs = txt.split("jdk.ExecutionSample")[1:]
total = len(evs)
threads = collections.Counter(); incl = collections.Counter(); selfc = collections.Counter(); ours = collections.Counter()
for e in evs:
    m = re.search(r'sampledThread = "([^"]*)"', e)
    th = re.sub(r'\d+', 'N', m.group(1)) if m else '?'
    threads[th] += 1
    frames = re.findall(r'^\s+([\w.$<>]+)\(', e, re.M)
    if frames:
        selfc[frames[0]] += 1
    seen = set()
    for f in frames:
        if f in seen: continue
        seen.add(f); incl[f] += 1
    o = [f for f in frames if f.startswith("cn.jiaxing") and "$$SpringCGLIB" not in f]
    if o: ours[o[0]] += 1
print("total samples", total)
print("threads:", threads.most_common(12))
print("\n-- top self")
for f, c in selfc.most_common(25): print(f"{100*c/total:5.1f}% {f}")
print("\n-- innermost own frame")
for f, c in ours.most_common(40): print(f"{100*c/total:5.1f}% {f}")
print("\n-- inclusive (selected)")
pat = re.compile(sys.argv[2] if len(sys.argv) > 2 else r"cn\.jiaxing|DecisionService|evaluateDecision|MailSender|JavaMail|Transport\.send|Hibernate|SessionImpl\.flush|DbSqlSession\.flush|AuthorizationManager|RestInputGuard|jackson|Jersey|FilterChain|Authentication|BCrypt|checkPassword|ExternalTask")
for f, c in incl.most_common(3000):
    if pat.search(f) and c / total > 0.01: print(f"{100*c/total:5.1f}% {f}")
