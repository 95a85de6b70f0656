#!/usr/bin/env python3
"""MagBot load, start-up and memory benchmark.

Starts, in Release, (1) MagBot, (2) the Bot Framework echo bot on the same SDK and host set-up (the peer)
and (3) a bare ASP.NET Core endpoint returning fixed JSON (the ceiling); drives each with the same wrk
load (message turns with deliveryMode expectReplies over 10,000 conversations) at 1, 32 and 128
connections; times process start to first answered turn; measures memory per idle conversation in the
embedded store; prints the figures and ratios and writes them to tests/perf/RESULTS.md.

Usage: python3 tests/perf/run.py [--duration SECONDS] [--no-write]
       python3 tests/perf/run.py --only startup [--startups N] [--before GIT-REF]
           (start-up and idle resident memory alone, MagBot and peer, and MagBot at GIT-REF if given; prints only)
       python3 tests/perf/run.py --only soak [--minutes N] [--store-mb MB] [--gc shipped,workstation,...]
           (soak: RSS and where the memory is per minute under mixed flows over ever-new conversations, and stored
           bytes per flow step; several --gc settings are run one after another and compared; prints only)
Needs wrk (Debian package `wrk`). Loopback only; every loop is bounded.
"""
import argparse, datetime, json, os, platform, shutil, socket, statistics, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PERF = os.path.join(ROOT, "tests", "perf")
TARGETS = {
    "magbot": os.path.join(ROOT, "src", "MagBot", "MagBot.csproj"),
    "peer": os.path.join(PERF, "EchoBot", "EchoBot.csproj"),
    "ceiling": os.path.join(PERF, "Ceiling", "Ceiling.csproj"),
}
DLL = {"magbot": "MagBot.dll", "magbot-before": "MagBot.dll", "peer": "EchoBot.dll", "ceiling": "Ceiling.dll"}
CONNECTIONS = [1, 32, 128]
ANALYSIS_MARKER = "<!-- analysis: written by hand, kept by run.py -->"


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(out, names=None, before=None):
    for name, proj in TARGETS.items():
        if names is not None and name not in names:
            continue
        log(f"building {name} (Release)…")
        subprocess.run(["dotnet", "publish", proj, "-c", "Release", "-o", os.path.join(out, name), "--nologo", "-v", "q"],
                       check=True, stdout=subprocess.DEVNULL)
    if before:
        # MagBot as it was at a git commit, published from an exported copy of that commit (no worktree is touched).
        src = os.path.join(out, "src-before")
        os.makedirs(src)
        archive = subprocess.run(["git", "-C", ROOT, "archive", before], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", src], input=archive, check=True)
        log(f"building magbot at {before} (Release)…")
        subprocess.run(["dotnet", "publish", os.path.join(src, "src", "MagBot", "MagBot.csproj"), "-c", "Release",
                        "-o", os.path.join(out, "magbot-before"), "--nologo", "-v", "q"], check=True, stdout=subprocess.DEVNULL)


def turn_body(conv, text="help"):
    return json.dumps({"type": "message", "id": "probe", "channelId": "emulator", "serviceUrl": "http://127.0.0.1:9/",
                       "from": {"id": "u-" + conv, "role": "user"}, "conversation": {"id": conv},
                       "recipient": {"id": "bot"}, "text": text, "deliveryMode": "expectReplies"}).encode()


def answered(port, conv):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/messages", data=turn_body(conv),
                                 headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=2) as r:
            return r.status == 200 and b"activities" in r.read()
    except OSError:
        return False


def start(out, name, port, env_extra=None):
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", MagBot__AllowAnonymous="true",
               Logging__LogLevel__Default="Warning", DOTNET_gcServer="0")
    if env_extra is not None:
        env = {k: v for k, v in env.items() if not k.startswith("DOTNET_gc") and not k.startswith("DOTNET_GC")}
        env.update(env_extra)
    t0 = time.monotonic()
    proc = subprocess.Popen(["dotnet", os.path.join(out, name, DLL[name]), "--urls", f"http://127.0.0.1:{port}"],
                            cwd=os.path.join(out, name), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = t0 + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with {proc.returncode} during start-up")
        if answered(port, f"startup-{port}"):
            secs = time.monotonic() - t0
            proc.cpu_seconds = cpu_seconds(proc.pid)
            return proc, secs
        time.sleep(0.01)
    proc.kill()
    raise RuntimeError(f"{name} did not answer a turn within 60 s")


def cpu_seconds(pid):
    """Processor time (user + system) the process has used so far: on a shared machine, steadier than the wall clock."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def stop(proc):
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def wrk(port, connections, seconds, env_extra=None):
    env = dict(os.environ, **(env_extra or {}))
    threads = min(2, connections)
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s",
           "-s", os.path.join(PERF, "turns.lua"), f"http://127.0.0.1:{port}"]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=seconds + 60).stdout
    line = next((l for l in out.splitlines() if l.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError("wrk printed no RESULT line:\n" + out)
    return json.loads(line[len("RESULT "):])


def idle_rss_kib(proc, quiet=0.02, limit=30):
    """Resident memory once the process has gone quiet after its first answer (its background start-up work done):
    sampled when a whole second passes with less than `quiet` seconds of processor time used, or after `limit` s."""
    deadline = time.monotonic() + limit
    last = cpu_seconds(proc.pid)
    while time.monotonic() < deadline:
        time.sleep(1)
        now = cpu_seconds(proc.pid)
        if now - last < quiet:
            break
        last = now
    return rss_kib(proc.pid)


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for l in f:
            if l.startswith("VmRSS:"):
                return int(l.split()[1])
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    ap.add_argument("--startups", type=int, default=7, help="start-up samples per bot, interleaved (default 7)")
    ap.add_argument("--rounds", type=int, default=3, help="load rounds per connection count, bots in turn (default 3)")
    ap.add_argument("--no-write", action="store_true", help="print only; do not update RESULTS.md")
    ap.add_argument("--only", choices=["startup", "soak"], help="run one measurement alone and print it (RESULTS.md is not written)")
    ap.add_argument("--before", metavar="GIT-REF", help="with --only startup: also start MagBot as it was at this commit, interleaved")
    ap.add_argument("--minutes", type=int, default=20, help="soak: minutes of load (default 20)")
    ap.add_argument("--store-mb", type=float, help="soak: Storage:MaxMemoryMB for the service (default: its own default)")
    ap.add_argument("--gc", default="shipped", help="soak: GC setting(s) to compare, comma-separated, one process each: "
                    "shipped (as published), server-datas, server, workstation, workstation-conserve (default shipped)")
    args = ap.parse_args()
    if args.only == "startup":
        return startup_only(args)
    if args.only == "soak":
        return soak(args)
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")

    out = tempfile.mkdtemp(prefix="magbot-perf-")
    build(out)
    # Start-up: MagBot and the peer started in turn (interleaved), so a busy moment on a shared machine hits both
    # alike; the median of --startups samples each. The ceiling is timed once, for reference.
    startup, startup_samples = {}, {name: [] for name in TARGETS}
    for i in range(args.startups):
        for name in TARGETS:
            if name == "ceiling" and i > 0:
                continue
            proc, secs = start(out, name, free_port())
            stop(proc)
            startup_samples[name].append(secs)
    for name in TARGETS:
        startup[name] = statistics.median(startup_samples[name])
        log(f"{name}: first answered turn after {startup[name]:.2f} s (median of {len(startup_samples[name])})")

    # Load: all three servers up at once, each warmed, then every connection count measured in --rounds rounds
    # that take the bots in turn; the figures are the medians over the rounds (each round is in RESULTS.md).
    procs, ports = {}, {}
    try:
        for name in TARGETS:
            ports[name] = free_port()
            procs[name], _ = start(out, name, ports[name])
        for name in TARGETS:
            log(f"{name}: warm-up…")
            wrk(ports[name], 32, 8)
        load, rounds = {name: {} for name in TARGETS}, {name: {c: [] for c in CONNECTIONS} for name in TARGETS}
        for c in CONNECTIONS:
            for i in range(args.rounds):
                for name in TARGETS:
                    r = wrk(ports[name], c, args.duration)
                    rounds[name][c].append(r)
                    log(f"{name} c={c} round {i + 1}: {r['rps']:.0f} turns/s, p50 {r['p50_ms']:.2f} ms, p99 {r['p99_ms']:.2f} ms, non-2xx {r['non2xx']}")
            for name in TARGETS:
                rs = rounds[name][c]
                load[name][c] = {k: statistics.median(r[k] for r in rs) for k in ("rps", "p50_ms", "p99_ms")}
                load[name][c]["non2xx"] = sum(r["non2xx"] for r in rs)
    finally:
        for proc in procs.values():
            stop(proc)

    # Memory: 100,000 conversations with one turn each in the embedded store, measured in-process
    # (managed heap after a full GC), and the service's resident set after the same load over HTTP.
    log("memory probe (100,000 conversations)…")
    probe = subprocess.run(["dotnet", "run", "-c", "Release", "--project", os.path.join(PERF, "MemoryProbe"), "--", "100000"],
                           capture_output=True, text=True, timeout=1200)
    mem_line = next((l for l in probe.stdout.splitlines() if l.startswith("RESULT ")), None)
    memory = json.loads(mem_line[len("RESULT "):]) if mem_line else {"error": probe.stdout[-2000:] + probe.stderr[-2000:]}

    report(load, startup, memory, args, rounds, startup_samples)


def startup_only(args):
    """Start-up alone: publish MagBot and the peer, then start them in turn (interleaved, so a busy moment on a
    shared machine hits both alike), each time timing process start to the first answered turn."""
    out = tempfile.mkdtemp(prefix="magbot-startup-")
    names = ["magbot", "peer"] + (["magbot-before"] if args.before else [])
    samples = {n: [] for n in names}
    cpu = {n: [] for n in names}
    rss = {n: [] for n in names}
    try:
        build(out, ["magbot", "peer"], args.before)
        for i in range(args.startups):
            for name in names:
                proc, secs = start(out, name, free_port())
                # Idle resident memory: after the first answer, once the background start-up work is done.
                rss[name].append(idle_rss_kib(proc) / 1024)
                stop(proc)
                samples[name].append(secs)
                cpu[name].append(proc.cpu_seconds)
                log(f"{name} #{i + 1}: {secs:.2f} s ({proc.cpu_seconds:.2f} s of processor time), idle {rss[name][-1]:.0f} MiB resident")
    finally:
        shutil.rmtree(out, ignore_errors=True)
    med = {n: statistics.median(samples[n]) for n in names}
    for n in names:
        print(f"{n}: median {med[n]:.2f} s over {len(samples[n])} starts ({', '.join(f'{s:.2f}' for s in samples[n])}); "
              f"processor time at the first answer: median {statistics.median(cpu[n]):.2f} s; "
              f"idle resident memory: median {statistics.median(rss[n]):.0f} MiB ({', '.join(f'{r:.0f}' for r in rss[n])})")
    for n in [m for m in names if m != "peer"]:
        ratio = med[n] / med["peer"]
        mem = statistics.median(rss[n]) / statistics.median(rss["peer"])
        print(f"{n} / peer: start-up {ratio:.2f}x (target <= 1.5x: {'met' if ratio <= 1.5 else 'NOT met'}), "
              f"idle memory {mem:.2f}x (target <= 2x: {'met' if mem <= 2 else 'NOT met'})")


SOAK_CONNECTIONS = 8

# GC settings the soak can compare (--gc a,b,...): each a set of environment variables. "shipped" sets none, so the
# service runs with what its published runtimeconfig.json sets (server GC with DATAS, conserve memory 7), as a
# clinic's instance does; the others turn those off (and any Storage:HeapLimitMB).
GC_PRESETS = {
    "shipped": {},
    "server-datas": {"DOTNET_gcServer": "1", "DOTNET_GCDynamicAdaptationMode": "1", "DOTNET_GCConserveMemory": "0", "Storage__HeapLimitMB": "0"},
    "server": {"DOTNET_gcServer": "1", "DOTNET_GCDynamicAdaptationMode": "0", "DOTNET_GCConserveMemory": "0", "Storage__HeapLimitMB": "0"},
    "workstation": {"DOTNET_gcServer": "0", "DOTNET_GCConserveMemory": "0", "Storage__HeapLimitMB": "0"},
    "workstation-conserve": {"DOTNET_gcServer": "0", "DOTNET_GCConserveMemory": "7", "Storage__HeapLimitMB": "0"},
}


def soak(args):
    """Soak: MagBot alone under mixed flows (soak.lua: topics, foods and amounts prompts, a medication check, help,
    start over, delete my data) at 8 connections, a new conversation every 7 turns, for --minutes one-minute wrk
    runs back to back; RSS, turns, errors, the store's own figures and where the memory is (/healthz with
    MagBot:MemoryDiagnostics) after each minute. With several --gc settings, each gets its own process and
    --minutes, one after another, and a comparison closes the report. First, the bytes each conversation keeps in
    the store after every step of each flow (MemoryProbe state, in-process)."""
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")
    presets = args.gc.split(",")
    unknown = [p for p in presets if p not in GC_PRESETS]
    if unknown:
        sys.exit(f"unknown --gc setting(s) {unknown}; choose from {sorted(GC_PRESETS)}")
    log("stored bytes per flow step (MemoryProbe state)…")
    probe = subprocess.run(["dotnet", "run", "-c", "Release", "--project", os.path.join(PERF, "MemoryProbe"), "--", "state"],
                           capture_output=True, text=True, timeout=1200)
    state_line = next((l for l in probe.stdout.splitlines() if l.startswith("STATE ")), None)
    if state_line is None:
        sys.exit("MemoryProbe state printed no STATE line:\n" + probe.stdout[-2000:] + probe.stderr[-2000:])
    state = json.loads(state_line[len("STATE "):])

    os.environ["MagBot__MemoryDiagnostics"] = "true"
    if args.store_mb is not None:
        os.environ["Storage__MaxMemoryMB"] = str(args.store_mb)  # start() passes the environment on
    out = tempfile.mkdtemp(prefix="magbot-soak-")
    load_before = os.getloadavg()
    runs = {}
    try:
        build(out, ["magbot"])
        for preset in presets:
            runs[preset] = soak_one(out, preset, args.minutes)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    soak_report(args, state, runs, load_before, os.getloadavg())


def soak_one(out, preset, minutes_total):
    port = free_port()
    proc, _ = start(out, "magbot", port, GC_PRESETS[preset])
    try:
        # Resident memory "at start" is after the background builds the first turn sets off have landed.
        time.sleep(20)
        minutes = [{"minute": 0, "rss_mib": rss_kib(proc.pid) / 1024, **store_figures(port)}]
        log(f"soak [{preset}]: start {minutes[0]['rss_mib']:.0f} MiB")
        for m in range(1, minutes_total + 1):
            cmd = ["wrk", f"-t{SOAK_CONNECTIONS}", f"-c{SOAK_CONNECTIONS}", "-d60s", "--timeout", "5s",
                   "-s", os.path.join(PERF, "soak.lua"), f"http://127.0.0.1:{port}"]
            res = subprocess.run(cmd, env=dict(os.environ, RUN=f"{preset}-{m}"), capture_output=True, text=True, timeout=180).stdout
            line = next((l for l in res.splitlines() if l.startswith("RESULT ")), None)
            if line is None:
                raise RuntimeError("wrk printed no RESULT line:\n" + res)
            r = json.loads(line[len("RESULT "):])
            row = {"minute": m, "rss_mib": rss_kib(proc.pid) / 1024, "turns": r["requests"],
                   "errors": r["non2xx"] + r["socket_errors"], "non2xx": r["non2xx"], "socket_errors": r["socket_errors"],
                   "p99_ms": r["p99_ms"], **store_figures(port)}
            minutes.append(row)
            log(f"soak [{preset}] minute {m}: {row['rss_mib']:.0f} MiB, {row['turns']} turns, {row['errors']} errors "
                f"({row['non2xx']} non-2xx, {row['socket_errors']} socket), "
                f"store {row.get('items', 0)} items / {row.get('stored_mib', 0):.1f} MiB, {row.get('evictions', 0)} evictions; "
                f"heap {row.get('heap_mib', 0):.0f} (gen2 {row.get('gen2_mib', 0):.0f}, loh {row.get('loh_mib', 0):.0f}, "
                f"fragmented {row.get('fragmented_mib', 0):.0f}), committed {row.get('committed_mib', 0):.0f} MiB; "
                f"windows {row.get('windows')}, locks {row.get('locks')}")
    finally:
        stop(proc)
    return minutes


def store_figures(port):
    """The embedded store's own figures and where the memory is, from /healthz (MagBot:MemoryDiagnostics)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
            h = json.loads(r.read())
    except (OSError, ValueError):
        return {}
    f = {"items": h.get("items", 0), "stored_mib": h.get("storedBytes", 0) / 2**20,
         "budget_mib": h.get("budgetBytes", 0) / 2**20, "evictions": h.get("evictions", 0)}
    mem = h.get("memory") or {}
    gc, per = mem.get("gc") or {}, mem.get("perConversation") or {}
    gens = gc.get("generations") or {}
    if gc:
        f.update({"heap_mib": gc["heapBytes"] / 2**20, "fragmented_mib": gc["fragmentedBytes"] / 2**20,
                  "committed_mib": gc["committedBytes"] / 2**20, "gen2_mib": gens.get("gen2", {}).get("sizeAfterBytes", 0) / 2**20,
                  "loh_mib": gens.get("loh", {}).get("sizeAfterBytes", 0) / 2**20, "gc_count": gc.get("collections"),
                  "server_gc": gc.get("server"), "pause_pct": gc.get("pauseTimePercentage")})
    if per:
        f.update({"windows": per.get("rateLimitWindows"), "locks": per.get("conversationLocks"),
                  "dl_conversations": per.get("directLineConversations"), "connectors": per.get("connectorClients")})
    return f


def slope(points):
    """Least-squares slope of (x, y) points; 0 with fewer than two."""
    if len(points) < 2:
        return 0.0
    mx = statistics.fmean(x for x, _ in points)
    my = statistics.fmean(y for _, y in points)
    den = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / den if den else 0.0


def soak_summary(minutes, total):
    start_rss = minutes[0]["rss_mib"]
    half = [(m["minute"], m["rss_mib"]) for m in minutes if m["minute"] >= total / 2]
    turns = sum(m.get("turns", 0) for m in minutes)
    return {"start": start_rss, "peak": max(m["rss_mib"] for m in minutes), "end": minutes[-1]["rss_mib"],
            "growth": slope(half), "half": (half[0][0], half[-1][0]), "budget": minutes[0].get("budget_mib", 0),
            "turns": turns, "errors": sum(m.get("errors", 0) for m in minutes), "rate": turns / (60 * max(1, total)),
            "non2xx": sum(m.get("non2xx", 0) for m in minutes), "socket": sum(m.get("socket_errors", 0) for m in minutes),
            "gc": minutes[-1].get("gc_count"), "pause": minutes[-1].get("pause_pct")}


def soak_report(args, state, runs, load_before, load_after):
    w = print
    w(f"## Soak ({args.minutes} min" + (f" per GC setting" if len(runs) > 1 else "") + ")\n")
    w(f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {machine()}; load average "
      f"{load_before[0]:.1f} before, {load_after[0]:.1f} after (shared machine).")
    w(f"Command: `python3 tests/perf/run.py --only soak --minutes {args.minutes}"
      + (f" --store-mb {args.store_mb:g}" if args.store_mb is not None else "") + (f" --gc {args.gc}" if args.gc != "shipped" else "")
      + "` (published Release build, Production, "
      f"anonymous allowed, logging at Warning; `soak.lua`: mixed flows at {SOAK_CONNECTIONS} connections, a new conversation every 7 turns).\n")
    summaries = {}
    for preset, minutes in runs.items():
        w(f"### GC setting `{preset}`\n")
        w("| minute | RSS MiB | turns | errors | p99 ms | store items | store MiB | evictions | heap MiB | gen2 MiB | LOH MiB | fragmented MiB | committed MiB | rate windows | locks |")
        w("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for m in minutes:
            num = lambda k: f"{m[k]:.0f}" if m.get(k) is not None else ""
            w(f"| {m['minute']} | {m['rss_mib']:.0f} | {m.get('turns', '')} | {m.get('errors', '')} | "
              + (f"{m['p99_ms']:.1f}" if 'p99_ms' in m else "") + f" | {m.get('items', '')} | {m.get('stored_mib', 0):.1f} | {m.get('evictions', '')} | "
              f"{num('heap_mib')} | {num('gen2_mib')} | {num('loh_mib')} | {num('fragmented_mib')} | {num('committed_mib')} | "
              f"{m.get('windows', '')} | {m.get('locks', '')} |")
        s = summaries[preset] = soak_summary(minutes, args.minutes)
        w(f"\nTurns {s['turns']:,} ({s['rate']:.0f} a second), errors {s['errors']} ({s['non2xx']} non-2xx answers, "
          f"{s['socket']} socket errors or timeouts of wrk's 5 s). Server GC: {minutes[-1].get('server_gc')}; "
          f"collections (gen0, gen1, gen2) {s['gc']}, GC pause {s['pause']}% of the time at the last collection.")
        w(f"RSS at start {s['start']:.0f} MiB, peak {s['peak']:.0f} MiB, end {s['end']:.0f} MiB; growth over the second half "
          f"(minutes {s['half'][0]}–{s['half'][1]}, least squares): **{s['growth']:.1f} MiB a minute** (target ≤ 2 over a 20-minute run).")
        limit = s["start"] + s["budget"] + 128
        w(f"RSS never above start + store budget ({s['budget']:.0f} MiB) + 128 MiB = {limit:.0f} MiB: "
          f"{'met' if s['peak'] <= limit else 'NOT met'} (peak {s['peak']:.0f}).\n")
    if len(runs) > 1:
        w("### GC settings compared\n")
        w("| GC setting | turns/s | RSS start | peak | end | growth MiB/min (second half) |")
        w("| --- | ---: | ---: | ---: | ---: | ---: |")
        for preset, s in summaries.items():
            w(f"| {preset} | {s['rate']:.0f} | {s['start']:.0f} | {s['peak']:.0f} | {s['end']:.0f} | {s['growth']:.1f} |")
        w("")
    w("### Stored bytes per conversation, each flow step (conversation + user state, JSON as stored)\n")
    w("| flow | step | conversation | user | total |")
    w("| --- | --- | ---: | ---: | ---: |")
    for r in state:
        w(f"| {r['flow']} | {r['step']} | {r['conversation']} | {r['user']} | {r['conversation'] + r['user']} |")
    worst = max(state, key=lambda r: r["conversation"] + r["user"])
    total = worst["conversation"] + worst["user"]
    w(f"\nLargest: {total} bytes ({worst['flow']}, {worst['step']}); target ≤ 1024 at every step: {'met' if total <= 1024 else 'NOT met'}.")


def machine():
    cpu = "unknown"
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"{os.cpu_count()} cores ({cpu}), {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, "
            f"{platform.system()} {platform.release()}")


def report(load, startup, memory, args, rounds, startup_samples):
    cpu = "unknown"
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    lines = []
    w = lines.append
    w(f"# MagBot performance results\n")
    w(f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores ({cpu}), "
      f"{round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, {platform.system()} {platform.release()}.")
    w(f"Command: `python3 tests/perf/run.py --duration {args.duration}` (wrk on loopback; {args.duration} s per run; "
      "message turns with `deliveryMode: expectReplies` over 10,000 conversations). "
      f"Load figures are medians of {args.rounds} rounds that take the three servers in turn; start-up figures are "
      f"medians of {args.startups} interleaved starts.\n")
    w("## Load\n")
    w("| connections | bot | turns/s | p50 ms | p99 ms | non-2xx |")
    w("| ---: | --- | ---: | ---: | ---: | ---: |")
    for c in CONNECTIONS:
        for name in TARGETS:
            r = load[name][c]
            w(f"| {c} | {name} | {r['rps']:.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | {r['non2xx']} |")
    w("\n| connections | MagBot/peer throughput | MagBot/ceiling throughput | MagBot p99 / peer p99 |")
    w("| ---: | ---: | ---: | ---: |")
    for c in CONNECTIONS:
        m, p, ce = load["magbot"][c], load["peer"][c], load["ceiling"][c]
        w(f"| {c} | {m['rps'] / p['rps']:.2f} | {m['rps'] / ce['rps']:.2f} | {m['p99_ms'] / max(p['p99_ms'], 1e-9):.2f} |")
    w("\nEach round (turns/s, p99 ms):\n")
    for c in CONNECTIONS:
        for name in TARGETS:
            w(f"- c={c} {name}: " + "; ".join(f"{r['rps']:.0f}, {r['p99_ms']:.2f}" for r in rounds[name][c]))
    w("\n## Start-up (process start to first answered turn)\n")
    w("| bot | seconds |")
    w("| --- | ---: |")
    for name in TARGETS:
        w(f"| {name} | {startup[name]:.2f} |")
    w(f"\nMagBot / peer: **{startup['magbot'] / startup['peer']:.2f}×** (target ≤ 1.5×)\n")
    for name in TARGETS:
        w(f"- {name} starts: {', '.join(f'{x:.2f}' for x in startup_samples[name])} s")
    w("")
    w("## Memory (embedded store)\n")
    if "error" in memory:
        w("The memory probe failed:\n\n```\n" + memory["error"] + "\n```")
    else:
        w(f"{memory['conversations']:,} conversations with one turn each: managed heap grew by "
          f"{memory['heap_bytes'] / 2**20:.1f} MiB, **{memory['bytes_per_conversation']:.0f} bytes per conversation** "
          f"(target ≤ 2048). Stored items: {memory['stored_items']:,}.")
    w("\n## Targets\n")
    c32 = load["magbot"][32], load["peer"][32]
    w(f"- Throughput at 32 connections ≥ peer: {'met' if c32[0]['rps'] >= c32[1]['rps'] else 'NOT met'} "
      f"({c32[0]['rps'] / c32[1]['rps']:.2f})")
    w(f"- p99 at 32 connections no worse than peer: {'met' if c32[0]['p99_ms'] <= c32[1]['p99_ms'] else 'NOT met'} "
      f"({c32[0]['p99_ms']:.2f} vs {c32[1]['p99_ms']:.2f} ms)")
    w(f"- Start-up ≤ 1.5× peer: {'met' if startup['magbot'] <= 1.5 * startup['peer'] else 'NOT met'}")
    if "error" not in memory:
        w(f"- ≤ 2 KB per idle conversation: {'met' if memory['bytes_per_conversation'] <= 2048 else 'NOT met'}")
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        # The analysis below the marker is written by people and kept from one run to the next.
        path = os.path.join(PERF, "RESULTS.md")
        kept = ""
        if os.path.exists(path):
            previous = open(path, encoding="utf-8").read()
            if ANALYSIS_MARKER in previous:
                kept = previous[previous.index(ANALYSIS_MARKER):]
        with open(path, "w", encoding="utf-8") as f:
            f.write(text + "\n" + (kept or ANALYSIS_MARKER + "\n"))


if __name__ == "__main__":
    main()
