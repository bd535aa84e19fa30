#!/usr/bin/env python3
"""Turns the raw output of benchmarks/run.sh into benchmarks/RESULTS.md.

  report.py misses DIR         prints "name|jmh-regex|jmh-params" for each case whose target was missed
  report.py write DIR FILE [OTHER]  writes the results page (with the targets of the last run of the other
                                    mode, when OTHER holds its raw output)

Standard library only. Every figure on the page comes from the files in DIR; nothing is typed in.
"""
import os
import re
import sys

from jmh_results import alloc, load_json, read_props, score_error

ENGINE = "io.github.permissionmanager.benchmarks.engine."
INTERCEPTOR = "io.github.permissionmanager.benchmarks.interceptor."
RESOLUTION = "io.github.permissionmanager.benchmarks.resolution."
ABAC = "io.github.permissionmanager.benchmarks.abac."

CONTENDERS = [
    ("HashMapFloorBenchmark", "`HashMap<String, Set<String>>` (the floor)"),
    ("PermissionManagerCachedBenchmark", "**Permission Manager, cached**"),
    ("PermissionEvaluatorCachedBenchmark", "Permission Manager, cached: the evaluator bean asked with a "
                                           "`PermissionRequest`, as a custom caller would (breakdown: builds a "
                                           "denial's text)"),
    ("SnapshotWalkBenchmark", "Permission Manager, cached, memo off (breakdown: `memo-size=0`, every check walks its "
                              "snapshot, as a check whose answer is not in the memo does)"),
    ("SnapshotLookupBenchmark", "Permission Manager, cached: finding the snapshot alone (breakdown: trust check and "
                                "TTL, Caffeine `getIfPresent`, version check; no permission matched)"),
    ("ClockReadBenchmark", "`System.nanoTime()` alone (breakdown: every cached check reads it once)"),
    ("PermissionManagerColdBenchmark", "Permission Manager, cold (cache cleared before each check, H2 in memory)"),
    ("StoreLoadBenchmark", "Permission Manager, cold: the store's load alone (breakdown: its one query and its rows "
                           "mapped to grants; no snapshot built)"),
    ("StoreQueryBenchmark", "Permission Manager, cold: the store's query alone through plain JDBC (breakdown: the same "
                            "statement on the same H2 data and pool, every column read, no objects built)"),
    ("CasbinCachedEnforcerBenchmark", "jCasbin 1.99.0 `CachedEnforcer` (cache warm)"),
    ("CasbinEnforcerBenchmark", "jCasbin 1.99.0 `Enforcer`"),
    ("ShiroBenchmark", "Shiro 2.2.1 `WildcardPermission.implies` loop, 100 permissions"),
    ("AclBenchmark", "Spring Security ACL 7.0.6 `AclPermissionEvaluator` (ACL cache warm)"),
]

SIZES = ["10000", "100000", "1000000"]

# Targets of issue 12 (and the earlier ones of issue 5 that still apply), as thresholds
CACHED_VS_FLOOR = 3.0
FLAT = 1.5
VS_SHIRO = 10.0
VS_CASBIN = 1000.0
INTERCEPTOR_NS = 150.0
COLD_NS = 15_000.0
COLD_BYTES = 20_000.0
ALLOW_BYTES = 1.0
MODEL_RATIO = 1.2
HTTP_RATIO = 0.98
ABAC_RATIO = 2.0


def index(entries, prefix):
    """(class, method, grants) -> (score, error, unit, bytes/op)"""
    result = {}
    for e in entries:
        name = e["benchmark"]
        if not name.startswith(prefix):
            continue
        cls, method = name[len(prefix):].rsplit(".", 1)
        grants = e.get("params", {}).get("grants")
        m = e["primaryMetric"]
        err = score_error(m)
        result[(cls, method, grants)] = (m["score"], err, m["scoreUnit"], alloc(e))
    return result


def fmt(value):
    if value is None:
        return "–"
    if value >= 100_000:
        return f"{value:,.0f}"
    if value >= 100:
        return f"{value:,.1f}"
    return f"{value:.2f}"


def cell(r):
    if r is None:
        return "not run"
    score, err, unit, _ = r
    text = fmt(score) + (" ± " + fmt(err) if err is not None else "")
    return text


def bytes_cell(r):
    if r is None or r[3] is None:
        return "–"
    return f"{r[3]:,.0f}"


def size_label(size):
    return {"10000": "10k", "100000": "100k", "1000000": "1M"}.get(size, size)


def parse_wrk(path):
    with open(path) as f:
        text = f.read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    pct = {}
    for p, value, unit in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M):
        pct[p] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(r"Socket errors:.*", text)
    requests = re.search(r"(\d+) requests in", text)
    # run.sh's HTTP phase also writes the CPU time the app spent on the run (benchmarks/http-measure.sh)
    cpu = read_props_line(path[:-len(".txt")] + ".cpu")
    return {"rps": rps, "p50": pct.get("50"), "p99": pct.get("99"), "non2xx": int(non2xx.group(1)) if non2xx else 0,
            "errors": errors.group(0) if errors else "", "requests": int(requests.group(1)) if requests else 0,
            "cpu_us": float(cpu["cpu_us"]) if "cpu_us" in cpu else None,
            "process_us": float(cpu["process_us"]) if "process_us" in cpu else None,
            "load": cpu.get("load")}


def read_props_line(path):
    """One line of key=value pairs (measured_wrk's output) as a dict; empty when the file is missing."""
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return dict(pair.split("=", 1) for pair in f.read().split() if "=" in pair)


def http_results(d):
    rounds = {"guarded": [], "unguarded": []}
    n = 1
    while all(os.path.exists(os.path.join(d, f"wrk-{side}-{n}.txt")) for side in rounds):
        for side in rounds:
            rounds[side].append(parse_wrk(os.path.join(d, f"wrk-{side}-{n}.txt")))
        n += 1
    if not rounds["guarded"]:
        return None
    return rounds


def median(values):
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def http_ratios(http):
    """What the HTTP verdict compares: guarded / unguarded throughput of each round (its two runs back to back),
    the median of those, and the same from the CPU time per request where it was measured (unguarded / guarded
    CPU per request: the throughput share the guard would leave with the cores to itself)"""
    pairs = list(zip(http["guarded"], http["unguarded"]))
    rounds = [g["rps"] / u["rps"] for g, u in pairs]
    cpu = [u["cpu_us"] / g["cpu_us"] for g, u in pairs if g["cpu_us"] and u["cpu_us"]]
    return {"rounds": rounds, "median": median(rounds),
            "mean": (sum(g["rps"] for g, _ in pairs) / len(pairs)) / (sum(u["rps"] for _, u in pairs) / len(pairs)),
            "cpu_rounds": cpu, "cpu_median": median(cpu) if cpu else None}


def http_warmup(d):
    """run.sh's warm-up runs: (run, side, fields, verdict) per line of http-warmup.txt"""
    path = os.path.join(d, "http-warmup.txt")
    runs = []
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 4 and parts[0] == "warm-up":
                    fields = dict(p.split("=", 1) for p in parts[3:] if "=" in p)
                    runs.append((int(parts[1]), parts[2], fields, parts[-1]))
    return runs


class Results:
    def __init__(self, d):
        self.dir = d
        self.engine = index(load_json(os.path.join(d, "engine.json")), ENGINE)
        self.interceptor = index(load_json(os.path.join(d, "interceptor.json")), INTERCEPTOR)
        self.resolution = index(load_json(os.path.join(d, "resolution.json")), RESOLUTION)
        self.abac = index(load_json(os.path.join(d, "abac.json")), ABAC)
        self.http = http_results(d)
        self.machine = read_props(os.path.join(d, "machine.properties"))
        self.http_props = read_props(os.path.join(d, "http.properties"))

    def score(self, cls, size, method="check"):
        r = self.engine.get((cls, method, size))
        return r[0] if r else None

    def sizes(self):
        return [s for s in SIZES if any(k[2] == s for k in self.engine)]

    def targets(self):
        """[(key, text, verdict, figures, profile)] ; verdict in MET / MISSED / NOT MEASURED"""
        out = []
        ours = "PermissionManagerCachedBenchmark"
        sizes = self.sizes()

        def add(key, text, ok, figures, profile, missing):
            if ok is None:
                out.append((key, text, "NOT MEASURED", missing, None))
            else:
                out.append((key, text, "MET" if ok else "MISSED", figures, profile))

        # within 3x of the floor, at every size
        ratios = [(s, self.score(ours, s) / self.score("HashMapFloorBenchmark", s)) for s in sizes
                  if self.score(ours, s) and self.score("HashMapFloorBenchmark", s)]
        add("floor", f"Cached check ≤ {CACHED_VS_FLOOR:.0f}× the `HashMap` floor at every size",
            (max(r for _, r in ratios) <= CACHED_VS_FLOOR) if ratios else None,
            ", ".join(f"{size_label(s)}: {r:.1f}×" for s, r in ratios), (ours, sizes[0]) if sizes else None,
            "the cached check did not run")

        # faster than jCasbin's CachedEnforcer at every size
        ratios = [(s, self.score("CasbinCachedEnforcerBenchmark", s) / self.score(ours, s)) for s in sizes
                  if self.score(ours, s) and self.score("CasbinCachedEnforcerBenchmark", s)]
        add("cached-casbin", "Cached check faster than jCasbin's `CachedEnforcer` at every size",
            (min(r for _, r in ratios) > 1.0) if ratios else None,
            ", ".join(f"{size_label(s)}: " + (f"{r:,.2f}× faster" if r >= 1 else f"{1 / r:,.2f}× slower")
                      for s, r in ratios), (ours, sizes[0]) if sizes else None,
            "the cached check or the CachedEnforcer did not run")

        # no allocation for a cached allow (the benchmark mixes allows and denials: at most ~1 B/op over both
        # means neither allocates)
        allocs = [(s, self.engine.get((ours, "check", s))[3]) for s in sizes
                  if self.engine.get((ours, "check", s)) and self.engine.get((ours, "check", s))[3] is not None]
        add("alloc", "0 B allocated for a cached allow (a denial may allocate its reason)",
            (max(a for _, a in allocs) <= ALLOW_BYTES) if allocs else None,
            ", ".join(f"{size_label(s)}: {a:,.2f} B/op" for s, a in allocs)
            + " averaged over the allows and denials of the run", (ours, sizes[0]) if sizes else None,
            "the cached check did not run with -prof gc")

        # >= 10x faster than Shiro's implies loop over 100 permissions, at every size
        ratios = [(s, self.score("ShiroBenchmark", s) / self.score(ours, s)) for s in sizes
                  if self.score(ours, s) and self.score("ShiroBenchmark", s)]
        add("shiro", f"≥ {VS_SHIRO:.0f}× faster than Shiro's implies loop (100 permissions) at every size",
            (min(r for _, r in ratios) >= VS_SHIRO) if ratios else None,
            ", ".join(f"{size_label(s)}: " + (f"{r:,.1f}× faster" if r >= 1 else f"{1 / r:,.1f}× slower")
                      for s, r in ratios), (ours, sizes[0]) if sizes else None, "the cached check or Shiro did not run")

        # the whole @RequiresPermissions call with its decision cached
        guarded = self.interceptor.get(("InterceptorBenchmark", "requiresPermissions", None))
        direct = self.interceptor.get(("InterceptorBenchmark", "direct", None))
        advice = self.interceptor.get(("InterceptorBenchmark", "noOpAdvice", None))
        over = [f"{fmt(guarded[0] - x[0])} ns over {what}"
                for x, what in ((direct, "the direct call"), (advice, "a no-op advice")) if x and guarded]
        add("interceptor", f"`@RequiresPermissions` call, decision cached, ≤ {INTERCEPTOR_NS:.0f} ns",
            (guarded[0] <= INTERCEPTOR_NS) if guarded else None,
            (f"{fmt(guarded[0])} ns per guarded call" + (f" ({', '.join(over)})" if over else "")) if guarded else "",
            ("interceptor", "requiresPermissions"), "the interceptor benchmark did not run")

        # the cold check: time and allocation, at every size
        cold = [(s, self.engine.get(("PermissionManagerColdBenchmark", "check", s))) for s in sizes
                if self.engine.get(("PermissionManagerColdBenchmark", "check", s))]
        add("cold", f"Cold check (one subject load, H2 in memory) ≤ {COLD_NS / 1000:.0f} µs and "
                    f"≤ {COLD_BYTES / 1000:.0f} KB",
            all(c[0] <= COLD_NS and c[3] is not None and c[3] <= COLD_BYTES for _, c in cold) if cold else None,
            ", ".join(f"{size_label(s)}: {c[0] / 1000:,.1f} µs, {(c[3] or 0) / 1000:,.1f} KB" for s, c in cold),
            ("PermissionManagerColdBenchmark", cold[0][0]) if cold else None, "the cold check did not run")

        # a one-hop model lookup against the hand-written projection query
        model = self.resolution.get(("ResolutionBenchmark", "modelLookup", None))
        hand = self.resolution.get(("ResolutionBenchmark", "handWrittenQuery", None))
        add("model", f"One-hop `model` lookup ≤ {MODEL_RATIO}× the hand-written projection query",
            (model[0] / hand[0] <= MODEL_RATIO) if model and hand else None,
            f"{model[0] / hand[0]:.2f}× ({fmt(model[0])} ns vs {fmt(hand[0])} ns)" if model and hand else "",
            ("resolution", "modelLookup"), "the resolution benchmark did not run")

        # an ABAC check (one condition, attributes supplied with the check) against the plain cached check, and
        # what parsing the condition costs: a check far below it in time and bytes does not parse
        abac = self.abac.get(("AbacCheckBenchmark", "abacCheck", None))
        plain = self.abac.get(("AbacCheckBenchmark", "plainCheck", None))
        parse = self.abac.get(("AbacCheckBenchmark", "parseCondition", None))

        def bytes_of(x):
            return f"{x[3]:,.0f} B/op" if x and x[3] is not None else "– B/op"

        add("abac", f"ABAC check (one condition, attributes supplied) ≤ {ABAC_RATIO:.0f}× the plain cached check; "
                    "conditions never parsed by a check",
            (abac[0] / plain[0] <= ABAC_RATIO) if abac and plain else None,
            (f"ABAC check / plain cached check = {abac[0] / plain[0]:.2f}× (target ≤ {ABAC_RATIO:.0f}×): "
             f"{fmt(abac[0])} ns, {bytes_of(abac)} vs {fmt(plain[0])} ns, {bytes_of(plain)}"
             + (f"; parsing the condition once: {fmt(parse[0])} ns, {bytes_of(parse)}" if parse else ""))
            if abac and plain else "", ("abac", "abacCheck"), "the ABAC benchmark did not run")

        # guarded HTTP throughput against the same endpoint unguarded
        if self.http:
            ratios = http_ratios(self.http)
            cpu = f"; CPU per request: {ratios['cpu_median']:.1%}" if ratios["cpu_median"] else ""
            add("http", f"Guarded HTTP endpoint ≥ {HTTP_RATIO:.0%} of the unguarded throughput (median of the rounds' "
                        "guarded / unguarded ratios, after warm-up)", ratios["median"] >= HTTP_RATIO,
                f"{ratios['median']:.1%} (rounds: " + ", ".join(f"{x:.1%}" for x in ratios["rounds"])
                + f"; mean throughput {ratios['mean']:.1%}{cpu})", ("interceptor", "requiresPermissions"), "")
        else:
            add("http", f"Guarded HTTP endpoint ≥ {HTTP_RATIO:.0%} of the unguarded throughput", None, "", None,
                "wrk did not run (see the HTTP section)")

        # earlier targets (issue 5) that still apply
        scores = [(s, self.score(ours, s)) for s in sizes if self.score(ours, s)]
        if len(scores) >= 2 and scores[0][0] == "10000" and scores[-1][0] == "1000000":
            spread = max(v for _, v in scores) / min(v for _, v in scores)
            floor = [self.score("HashMapFloorBenchmark", s) for s, _ in scores]
            floor_spread = (max(floor) / min(floor)) if all(floor) else None
            figures = ", ".join(f"{size_label(s)}: {fmt(v)} ns" for s, v in scores) + \
                f"; slowest/fastest {spread:.2f} (flat = at most {FLAT}" + \
                (f"; the floor's own spread is {floor_spread:.2f})" if floor_spread else ")")
            slowest = max(scores, key=lambda x: x[1])[0]
            add("flat", "Cached check flat from 10k to 1M grants (issue 5)", spread <= FLAT, figures, (ours, slowest), "")
        else:
            add("flat", "Cached check flat from 10k to 1M grants (issue 5)", None, "", None,
                "needs the cached check at 10k and 1M (a full run)")
        a, b = self.score(ours, "10000"), self.score("CasbinEnforcerBenchmark", "10000")
        add("casbin", f"≥ {VS_CASBIN:,.0f}× faster than uncached jCasbin at 10k policy lines (issue 5)",
            (b / a >= VS_CASBIN) if a and b else None,
            f"{b / a:,.0f}× faster ({fmt(b)} ns vs {fmt(a)} ns)" if a and b else "", (ours, "10000"),
            "the cached check or jCasbin's Enforcer did not run at 10k")
        return out


def http_missed(d):
    """exit status 0 when the HTTP target was measured and missed"""
    results = Results(d)
    for key, _, verdict, _, _ in results.targets():
        if key == "http":
            sys.exit(0 if verdict == "MISSED" else 1)
    sys.exit(1)


HARNESS = ("org.openjdk.jmh.", "jdk.internal.reflect.", "java.lang.reflect.", "java.lang.Thread.",
           "java.util.concurrent.")


JOINPOINT = ("invokeJoinpoint", "invokeJoinpointUsingReflection")


def is_pm(frame):
    return frame.startswith("io.github.permissionmanager.") and not frame.startswith(
        ("io.github.permissionmanager.sample.", "io.github.permissionmanager.benchmarks."))


def jfr_summary(path, thread, what):
    """Where the samples of the threads whose name contains `thread` were. A sample counts as the guard's own when
    Permission Manager code is on its stack and is not just waiting for the guarded method it let through (no AOP
    joinpoint call below the outermost Permission Manager frame). For those, the methods they spent it in."""
    text = open(path).read()
    samples = [s for s in text.split("jdk.ExecutionSample")[1:] if re.search(r'sampledThread = "[^"]*' + thread, s)]
    inclusive, leaves, on_stack, own = {}, {}, 0, 0
    for sample in samples:
        frames = [f for f in re.findall(r"^\s+([\w.$]+)\(", sample, re.M)
                  if not f.startswith(HARNESS) and ".jmh_generated." not in f]
        pm = [i for i, f in enumerate(frames) if is_pm(f)]
        if not pm:
            continue
        on_stack += 1
        below = frames[:max(pm) + 1]
        if any(f.endswith(JOINPOINT) for f in below):
            continue
        own += 1
        leaves[frames[0]] = leaves.get(frames[0], 0) + 1
        for f in set(below):
            inclusive[f] = inclusive.get(f, 0) + 1
    n = max(1, len(samples))
    lines = [f"{len(samples)} JFR execution samples of {what}. Permission Manager code is on the stack of "
             f"{on_stack / n:.1%} of them; the guard's own work (not counting the guarded method it runs) is "
             f"{own / n:.1%}.", "", "Where the guard's own samples went (share of all samples; inclusive):"]
    for f, c in sorted(inclusive.items(), key=lambda x: (-x[1], x[0]))[:22]:
        lines.append(f"  {c / n:6.1%}  {f}")
    lines += ["", "Their hottest leaf frames:"]
    for f, c in sorted(leaves.items(), key=lambda x: (-x[1], x[0]))[:10]:
        lines.append(f"  {c / n:6.1%}  {f}")
    return "\n".join(lines)


def misses(d):
    results = Results(d)
    seen = set()
    for key, _, verdict, _, profile in results.targets():
        if verdict != "MISSED" or profile is None:
            continue
        if profile[0] == "interceptor":
            name = "interceptor-" + profile[1]
            line = f"{name}|{INTERCEPTOR}InterceptorBenchmark.{profile[1]}$|"
        elif profile[0] == "resolution":
            name = "resolution-" + profile[1]
            line = f"{name}|{RESOLUTION}ResolutionBenchmark.{profile[1]}$|"
        elif profile[0] == "abac":
            name = "abac-" + profile[1]
            line = f"{name}|{ABAC}AbacCheckBenchmark.{profile[1]}$|"
        else:
            name = f"{profile[0]}-{profile[1]}"
            line = f"{name}|{ENGINE}{profile[0]}.check$|-p grants={profile[1]}"
        if name not in seen:
            seen.add(name)
            print(line)


def cold_breakdown(r):
    """A missed cold check split by the breakdown rows of the same run: H2 running the store's one query (with the
    pool), the row mapping the load adds to it, and the snapshot build and cache the check adds to the load."""
    rows = []
    for s in r.sizes():
        cold, load, query = (r.engine.get((cls, "check", s)) for cls in
                             ("PermissionManagerColdBenchmark", "StoreLoadBenchmark", "StoreQueryBenchmark"))
        if not (cold and load and query) or None in (cold[3], load[3], query[3]):
            continue
        rows.append(f"| {size_label(s)} | {cold[0] / 1000:,.1f} µs, {cold[3] / 1000:,.1f} KB "
                    f"| {query[0] / 1000:,.1f} µs, {query[3] / 1000:,.1f} KB ({query[0] / cold[0]:.0%} of the time) "
                    f"| {(load[0] - query[0]) / 1000:,.1f} µs, {(load[3] - query[3]) / 1000:,.1f} KB "
                    f"| {(cold[0] - load[0]) / 1000:,.1f} µs, {(cold[3] - load[3]) / 1000:,.1f} KB |")
    if not rows:
        return []
    return ["Where the cold check goes, from the breakdown rows of the engine table (same run; a difference of two "
            "rows, so as noisy as both):\n",
            "| Grants | Cold check | H2 runs the store's query, with the pool (the floor) | Rows mapped to grants "
            "(load − query) | Snapshot built and cached, check (cold − load) |",
            "|---|---|---|---|---|", *rows, ""]


def profile_excerpt(path):
    """The score and allocation figures of one profiling run."""
    with open(path) as f:
        text = f.read()
    table = text[text.rfind("\nBenchmark "):] if "\nBenchmark " in text else ""
    return "\n".join(l for l in table.strip().splitlines() if re.search(r"^Benchmark |avgt .*(ns/op|B/op)", l))


def verified_block(d, log):
    path = os.path.join(d, log)
    if not os.path.exists(path):
        return ""
    lines = sorted({re.sub(r"^.*# ", "", l.strip()) for l in open(path) if " verified: " in l})
    if not lines:
        return ""
    return "Checked before timing, as logged:\n\n```\n" + "\n".join(lines) + "\n```\n"


def other_run(d):
    """The targets of the last run of the other mode, when its raw output is there: the page shows both."""
    if not d or not os.path.exists(os.path.join(d, "machine.properties")):
        return []
    r = Results(d)
    m = r.machine
    w = [f"## The last {m.get('mode', '?')} run\n",
         f"`{m.get('command', '?')}`, started {m.get('started', '?')}, load average {m.get('loadavg', '?')} at the "
         f"start and {m.get('loadavg_end', '?')} at the end, commit {m.get('commit', '?')}; its raw output is in "
         f"`benchmarks/target/{os.path.basename(os.path.normpath(d))}/`. Same cases side by side in one run, fewer and "
         "shorter iterations" + (" and 10k grants only" if m.get("mode") == "quick" else "") + ".\n",
         "| target | verdict | measured |\n|---|---|---|"]
    for key, text, verdict, figures, _ in r.targets():
        mark = {"MET": "met", "MISSED": "**MISSED**", "NOT MEASURED": "not measured"}[verdict]
        w.append(f"| {text} | {mark} | {figures} |")
    w.append("")
    sizes = r.sizes()
    if sizes:
        w.append("| case | " + " | ".join(f"{size_label(s)} grants" for s in sizes) + " | allocated B/op |")
        w.append("|---|" + "---:|" * len(sizes) + "---:|")
        for cls, label in CONTENDERS:
            rows = [r.engine.get((cls, "check", s)) for s in sizes]
            if any(rows):
                allocs = sorted({bytes_cell(x) for x in rows if x})
                w.append(f"| {label} | " + " | ".join(cell(x) for x in rows) + f" | {' / '.join(allocs)} |")
        for key, label in [(("InterceptorBenchmark", "direct", None), "direct bean call"),
                           (("InterceptorBenchmark", "requiresPermissions", None), "`@RequiresPermissions` call"),
                           (("InterceptorBenchmark", "preAuthorize", None), "`@PreAuthorize(hasPermission)` call")]:
            x = r.interceptor.get(key)
            if x:
                w.append(f"| {label} | " + cell(x) + " |" + " |" * (len(sizes) - 1) + f" {bytes_cell(x)} |")
        for method, label in [("modelLookup", "`model` lookup + check"),
                              ("handWrittenQuery", "hand-written projection + check")]:
            x = r.resolution.get(("ResolutionBenchmark", method, None))
            if x:
                w.append(f"| {label} | " + cell(x) + " |" + " |" * (len(sizes) - 1) + f" {bytes_cell(x)} |")
        w.append("")
    return w


def follower_cost(d):
    """FollowerCostBenchmark: sync mode -> (score, error, bytes/op)"""
    result = {}
    for e in load_json(os.path.join(d, "engine.json")):
        if e["benchmark"] != ENGINE + "FollowerCostBenchmark.check":
            continue
        m = e["primaryMetric"]
        err = score_error(m)
        result[e.get("params", {}).get("sync")] = (m["score"], err, alloc(e))
    return result


def observation_cost(d):
    """ObservationCostBenchmark: registry -> (score, error, bytes/op)"""
    result = {}
    for e in load_json(os.path.join(d, "engine.json")):
        if e["benchmark"] != ENGINE + "ObservationCostBenchmark.check":
            continue
        m = e["primaryMetric"]
        err = score_error(m)
        result[e.get("params", {}).get("registry")] = (m["score"], err, alloc(e))
    return result


OBSERVATION_REGISTRIES = [
    ("none", "no `ObservationRegistry` bean"),
    ("noop", "`ObservationRegistry.NOOP`"),
    ("handlerless", "a registry without handlers"),
    ("observed", "a registry with one handler that takes every observation and records nothing"),
]


def observation_section(d):
    w = []
    cost = observation_cost(d)
    if not cost:
        return ["`ObservationCostBenchmark` was not in this run.\n"]
    w.append("The same cached `PermissionManager.check` (10k grants) by what the application's Micrometer "
             "`ObservationRegistry` is. Decisions are observed only through a registry that would record "
             "something: with none, the no-op one or one without handlers the evaluator is asked directly, as "
             "without Micrometer (the run checks which way each case went before timing, and stops otherwise). "
             "The last row is what an observation of each decision costs with nothing behind it (no meter, no "
             "tracer): Micrometer's observation, its context and key values, and the request the observed "
             "evaluator is asked with.\n")
    w.append("| observation registry | ns/op | allocated B/op |\n|---|---:|---:|")
    for key, label in OBSERVATION_REGISTRIES:
        x = cost.get(key)
        if x:
            w.append(f"| {label} | {fmt(x[0])} ± {fmt(x[1]) if x[1] is not None else '?'} | "
                     f"{fmt(x[2]) if x[2] is not None else '?'} |")
    w.append("")
    return w


def propagation_section(d):
    w = []
    cost = follower_cost(d)
    if cost:
        w.append("The same cached `PermissionManager.check` (10k grants) with the change log follower running "
                 "(`permission-manager.cache.sync.mode=poll`, polling every 500 ms) and without it (`none`). "
                 "The follower's only work on the hot path is the cache's trust check (two volatile reads and a "
                 "comparison with the `nanoTime` the check reads anyway): no query, no lock.\n")
        w.append("| sync mode | ns/op | allocated B/op |\n|---|---:|---:|")
        for mode in ("poll", "none"):
            x = cost.get(mode)
            if x:
                w.append(f"| `{mode}` | {fmt(x[0])} ± {fmt(x[1]) if x[1] is not None else '?'} | "
                         f"{fmt(x[2]) if x[2] is not None else '?'} |")
        if cost.get("poll") and cost.get("none"):
            w.append("")
            w.append(f"Difference: {fmt(cost['poll'][0] - cost['none'][0])} ns per check (within the noise when "
                     "smaller than the ± columns).")
        w.append("")
    else:
        w.append("`FollowerCostBenchmark` was not in this run.\n")
    lines = []
    path = os.path.join(d, "propagation.txt")
    if os.path.exists(path):
        lines = [l.strip() for l in open(path) if l.strip()]
    if lines:
        w.append("`TwoInstancesTests` on this machine's PostgreSQL, MariaDB and Redis (run by `run.sh` under the "
                 "shared servers' lock): after `revoke` returned on one instance, how long until every other "
                 "instance denied, over 200 revokes each. The load average as this phase started is in the "
                 "table at the top; the machine is shared, so tails grow with it.\n")
        w.append("```")
        w.extend(lines)
        w.append("```\n")
    else:
        skipped = os.path.join(d, "propagation-skipped.txt")
        w.append((open(skipped).read().strip() if os.path.exists(skipped) else
                  "The propagation phase was not run (or printed nothing).") + "\n")
    return w


def http_section(r, d):
    """RESULTS.md's section 4 (also printed alone by `benchmarks/run.sh --only http`)"""
    w = ["## 4. HTTP: the sample app on loopback under wrk\n"]
    if not r.http:
        skipped = os.path.join(d, "http-skipped.txt")
        w.append((open(skipped).read().strip() if os.path.exists(skipped) else "Not run.") + "\n")
        return w
    hp = r.http_props
    w.append(f"`wrk -t2 -c16 -d{hp.get('seconds', '?')}s --latency` as `alice` (HTTP Basic), against "
             f"`GET {hp.get('guarded_path', '?')}` (guarded by `@RequiresPermissions`, decision cached) and "
             f"`GET {hp.get('unguarded_path', '?')}` (the same handler method registered a second time on the "
             "controller's unproxied target: same security filter chain, same query, no guard). Before timing, "
             f"both answered 200 with the same body, and the guarded one answered {hp.get('check_dave', '?')} "
             f"to `dave`, who holds no grant. wrk and the app share the machine's cores, so throughput moves with "
             "whatever else runs; the CPU time the app's request threads spent per request (from "
             "`/proc/<pid>/task/*/stat`, time waiting for a core not counted) moves less and is shown beside it.\n")
    warmup = http_warmup(d)
    if warmup:
        settled = hp.get("warmup_settled") == "yes"
        w.append(f"Warm-up: {hp.get('warmup', '?')}: {hp.get('warmup_runs', '?')} pairs, "
                 + ("settled." if settled else "**did not settle: the rounds below may still include JIT warm-up.**")
                 + " The JIT compiles the guard's methods late on 2 shared cores (PERFORMANCE-NOTES.md), "
                   "so the first runs of the guarded side cost several times the later ones.\n")
        w.append("| warm-up run | side | requests/s | request threads µs/request | process µs/request | load |"
                 "\n|---|---|---:|---:|---:|---:|")
        for n, side, fields, verdict in warmup:
            w.append(f"| {n} | {side} | {float(fields.get('rps', 0)):,.0f} | {fields.get('cpu_us', '–')} | "
                     f"{fields.get('process_us', '–')} | {fields.get('load', '–')} |")
        w.append("")
    else:
        w.append(f"Warm-up: {hp.get('warmup', '?')}.\n")
    w.append("Then the sides alternate, one measured wrk run each per round.\n")
    w.append("| round | side | requests/s | request threads µs/request | p50 ms | p99 ms | non-2xx | guarded / unguarded |"
             "\n|---|---|---:|---:|---:|---:|---:|---:|")
    ratios = http_ratios(r.http)
    for i, (g, u) in enumerate(zip(r.http["guarded"], r.http["unguarded"])):
        for side, x in (("guarded", g), ("unguarded", u)):
            cpu = fmt(x["cpu_us"]) if x["cpu_us"] else "–"
            ratio = f"{ratios['rounds'][i]:.1%}" if side == "unguarded" else ""
            w.append(f"| {i + 1} | {side} | {x['rps']:,.0f} | {cpu} | {fmt(x['p50'])} | {fmt(x['p99'])} | "
                     f"{x['non2xx']} | {ratio} |")
    g = r.http["guarded"]
    u = r.http["unguarded"]
    gp = max(x["p99"] for x in g if x["p99"] is not None)
    up = max(x["p99"] for x in u if x["p99"] is not None)
    w.append("")
    w.append(f"Guarded / unguarded throughput, median of the rounds' ratios: **{ratios['median']:.1%}** "
             f"(mean throughput of the rounds: {ratios['mean']:.1%}); p99 (worst round): guarded {fmt(gp)} ms, "
             f"unguarded {fmt(up)} ms."
             + (f" From the CPU time per request of the request threads (unguarded / guarded), median of the "
                f"rounds: {ratios['cpu_median']:.1%}." if ratios["cpu_median"] else "") + "\n")
    if any(x["non2xx"] for x in g + u):
        w.append("**Some responses were not 2xx: the figures above are not comparable.**\n")
    return w


def write(d, target, other=None):
    r = Results(d)
    m = r.machine
    jmh_options = open(os.path.join(d, "jmh-options.txt")).read().strip() if os.path.exists(
        os.path.join(d, "jmh-options.txt")) else "?"
    w = []
    w.append("# Benchmark results\n")
    w.append("Written by `benchmarks/run.sh` from the measurements of one run; every figure below comes from "
             f"that run's raw output (`benchmarks/target/{os.path.basename(os.path.normpath(d))}/`). Re-run it to "
             "replace this page.\n")
    load = (r.machine.get("loadavg") or "0").split()[0]
    try:
        busy = float(load) > 2
    except ValueError:
        busy = False
    if busy:
        w.append(f"**This run was made on a busy machine (load average {load} on "
                 f"{r.machine.get('cores', '?')} cores at the start): its times are not fit to judge the targets "
                 "by, only its allocation figures are. Re-run `benchmarks/run.sh` (the full run) on a quiet "
                 "machine to replace this page.**\n")
    w.append("## Machine and run\n")
    w.append("| | |\n|---|---|")
    w.append(f"| command | `{m.get('command', '?')}` (mode: {m.get('mode', '?')}) |")
    w.append(f"| started / finished | {m.get('started', '?')} / {m.get('finished', '?')} |")
    w.append(f"| load average at start (1, 5, 15 min) | {m.get('loadavg', '?')} |")
    phases = [(k[len("load_"):], v) for k, v in m.items() if k.startswith("load_") and k != "loadavg_end"]
    if phases:
        w.append("| load average as each phase started | " + "; ".join(f"{k} {v}" for k, v in phases) + " |")
    w.append(f"| load average at the end | {m.get('loadavg_end', '?')} |")
    w.append(f"| CPU | {m.get('cpu', '?')}, {m.get('cores', '?')} cores visible |")
    w.append(f"| memory | {m.get('memory', '?')} |")
    w.append(f"| JDK | {m.get('jdk', '?')} |")
    w.append(f"| OS | {m.get('os', '?')} |")
    w.append(f"| commit | {m.get('commit', '?')} |")
    w.append(f"| JMH | 1.37, `{jmh_options}`, mode average time, 1 thread, `-prof gc` |")
    cp = os.path.join(d, "classpath.txt")
    if os.path.exists(cp):
        wanted = ["jcasbin", "shiro-core", "spring-security-acl", "spring-security-core", "spring-core", "h2",
                  "caffeine", "hibernate-core", "jmh-core"]
        found = {}
        for jar in open(cp).read().strip().split(":"):
            m = re.search(r"/([\w.-]+)/([\w.-]+)/\1-\2\.jar$", jar)
            if m and m.group(1) in wanted:
                found[m.group(1)] = m.group(2)
        if found:
            w.append("| libraries on the benchmark classpath | "
                     + ", ".join(f"{k} {found[k]}" for k in wanted if k in found) + " |")
    w.append("")
    w.append("JMH settings are modest on purpose (one fork, one-second iterations) so that a full run stays "
             "within about 15 minutes on 2 cores; the ± figures are JMH's 99.9 % confidence intervals over those "
             "few iterations, so read them as rough. A load average above about 1 at the start means other work "
             "shared the 2 cores and the absolute figures are noisy; the ratios between contenders measured in "
             "the same run hold up better than the absolute numbers.\n")

    failures = os.path.join(d, "failures.txt")
    if os.path.exists(failures) and open(failures).read().strip():
        w.append("## Failures in this run\n")
        w.append("These cases did not complete; their cells read \"not run\" (full logs in the results folder):\n")
        w.append("```")
        w.append(open(failures).read().strip())
        w.append("```\n")

    # Targets
    w.append("## Targets of issue 12 (and the earlier ones of issue 5)\n")
    w.append("| target | verdict | measured |\n|---|---|---|")
    targets = r.targets()
    for key, text, verdict, figures, _ in targets:
        mark = {"MET": "met", "MISSED": "**MISSED**", "NOT MEASURED": "not measured"}[verdict]
        w.append(f"| {text} | {mark} | {figures} |")
    w.append("")

    w += other_run(other)

    # Engine
    w.append("## 1. Decision engines, same grants for every contender\n")
    w.append("Generated population (`benchmarks/src/main/java/.../data/GrantData.java`): each user holds 20 role "
             "grants on 20 events (4 roles of 4 permissions each) and 20 per-object permission grants on 20 other "
             "events — exactly 100 (permission, event) pairs once roles are expanded; users = grants / 40, "
             "events = grants / 100. 1,024 checks, about half allowed and half denied, walked in order. Before "
             "timing, every contender answered every check and matched the expected answer computed from the "
             "grant list (the run stops otherwise); the log lines are below the tables. Each contender gets "
             "its input in its own native form, built before timing.\n")
    sizes = r.sizes()
    if sizes:
        w.append("Average time per check, ns/op (lower is better):\n")
        w.append("| contender | " + " | ".join(f"{size_label(s)} grants" for s in sizes) + " | allocated B/op |")
        w.append("|---|" + "---:|" * len(sizes) + "---:|")
        for cls, label in CONTENDERS:
            rows = [r.engine.get((cls, "check", s)) for s in sizes]
            if not any(rows):
                continue
            allocs = sorted({bytes_cell(x) for x in rows if x})
            w.append(f"| {label} | " + " | ".join(cell(x) for x in rows) + f" | {' / '.join(allocs)} |")
        w.append("")
        w.append("Relative to the floor (× the `HashMap` time at the same size):\n")
        w.append("| contender | " + " | ".join(f"{size_label(s)}" for s in sizes) + " |")
        w.append("|---|" + "---:|" * len(sizes))
        for cls, label in CONTENDERS:
            vals = []
            for s in sizes:
                a, f = r.score(cls, s), r.score("HashMapFloorBenchmark", s)
                vals.append(f"{a / f:,.1f}×" if a and f else "–")
            if any(v != "–" for v in vals):
                w.append(f"| {label} | " + " | ".join(vals) + " |")
        w.append("")
        w.append("Not run, and why: jCasbin's uncached `Enforcer` only at 10k and 100k (its time grows with the "
                 "policy lines; at 1M one check takes a large fraction of a second). Spring Security ACL only at "
                 "10k and 100k (1M grants would be 2.5M ACE objects in its cache). A quick run measures 10k "
                 "only.\n")
        checks = os.path.join(d, "engine.log")
        if os.path.exists(checks):
            lines = sorted({re.sub(r"^.*# ", "", l.strip()) for l in open(checks) if "checks answered" in l})
            if lines:
                w.append("Expected-decision checks, as logged before timing:\n")
                w.append("```")
                w.extend(lines)
                w.append("```\n")
    else:
        w.append("Not run.\n")

    # Interceptor
    w.append("## 2. Interceptor overhead (cached decisions)\n")
    if r.interceptor:
        w.append("One bean method, `update(long eventId)`, called through a Spring context, as the same user with "
                 "the decision cached:\n")
        w.append("| call | ns/op | allocated B/op | over the direct call |\n|---|---:|---:|---:|")
        labels = {"direct": "direct (the bean method, no advice)",
                  "noOpAdvice": "behind a Spring AOP advice that only calls `proceed()` (what any advice costs)",
                  "requiresPermissions": "`@RequiresPermissions(value = \"event:update\", fetch = \"event_id\")`",
                  "preAuthorize": "`@PreAuthorize(\"hasPermission(#eventId, 'event', 'event:update')\")` with an "
                                  "equivalent `PermissionEvaluator` over the same cached `PermissionManager`"}
        direct = r.interceptor.get(("InterceptorBenchmark", "direct", None))
        for method, label in labels.items():
            x = r.interceptor.get(("InterceptorBenchmark", method, None))
            if x:
                over = fmt(x[0] - direct[0]) if direct else "–"
                w.append(f"| {label} | {cell(x)} | {bytes_cell(x)} | {over} |")
        w.append("")
        w.append(verified_block(d, "interceptor.log"))
    else:
        w.append("Not run: the interceptor benchmark was not in this build.\n")

    # Resolution
    w.append("## 3. Context resolution\n")
    if r.resolution:
        w.append("A guarded call whose resource is one hop away: the caller names a talk, the permission "
                 "(`session:update`) is on the talk's event. JPA on H2 in memory, 1,024 talks over 100 events, all "
                 "granted to `alice`; decisions cached, so the difference is how the event id is found.\n")
        w.append("| way | ns/op | allocated B/op | × hand-written query |\n|---|---:|---:|---:|")
        labels = {"modelLookup": "`@RequiresPermissions(value = \"session:update\", fetch = \"event_id\", "
                                 "model = Talk.class, fetchKeyUrl = \"id\")`",
                  "handWrittenQuery": "by hand: `talks.findEventIdById(id)` (a Spring Data `@Query` projection) "
                                      "+ `PermissionManager.check`",
                  "handWrittenFindById": "by hand: `talks.findById(id).getEvent().getId()` + "
                                         "`PermissionManager.check`"}
        base = r.resolution.get(("ResolutionBenchmark", "handWrittenQuery", None))
        for method, label in labels.items():
            x = r.resolution.get(("ResolutionBenchmark", method, None))
            if x:
                ratio = f"{x[0] / base[0]:.2f}×" if base else "–"
                w.append(f"| {label} | {cell(x)} | {bytes_cell(x)} | {ratio} |")
        w.append("")
        w.append(verified_block(d, "resolution.log"))
    else:
        w.append("Not run: the resolution benchmark was not in this build.\n")

    w.extend(http_section(r, d))

    # Cross-instance propagation (issue 11)
    w.append("## 5. Cross-instance propagation and what following costs\n")
    w.extend(propagation_section(d))

    # Micrometer observation (issue 14, item 10; issue 12)
    w.append("## 6. What observing decisions costs\n")
    w.extend(observation_section(d))

    # Profiles
    missed = [(k, t, f, p) for k, t, v, f, p in targets if v == "MISSED"]
    w.append("## Missed targets and their profiles\n")
    w.append("Profiles are JMH's `-prof gc` and Java Flight Recorder execution samples (`-prof jfr`). "
             "`-prof perfasm` is not available on this machine (it needs Linux `perf` with access to the CPU's "
             "counters and the hsdis disassembler in the JDK, neither of which this virtual machine has), so a "
             "profile names methods and lines, not instructions. What each miss comes down to is written out in "
             "[PERFORMANCE-NOTES.md](PERFORMANCE-NOTES.md).\n")
    shown = {}
    if not missed:
        w.append("No target was missed in this run.\n")
    for key, text, figures, profile in missed:
        w.append(f"### {text}\n")
        w.append(f"Missed: {figures}.\n")
        if key == "cold":
            w.extend(cold_breakdown(r))
        if key == "http":
            samples = os.path.join(d, "http-guarded-samples.txt")
            if os.path.exists(samples):
                profiled = os.path.join(d, "wrk-guarded-profiled.txt")
                run = parse_wrk(profiled) if os.path.exists(profiled) else None
                w.append("Java Flight Recorder (`settings=profile`) on the app during one more guarded round"
                         + (f" ({run['rps']:,.0f} requests/s"
                            + (f", {fmt(run['cpu_us'])} µs of the request threads per request" if run["cpu_us"] else "")
                            + "; the guarded rounds: " + ", ".join(f"{x['rps']:,.0f}" for x in r.http["guarded"])
                            + " requests/s)" if run and r.http else "") + ":\n")
                w.append("```")
                w.append(jfr_summary(samples, "http-nio", "the app's request threads"))
                w.append("```\n")
        if profile is None:
            continue
        name = (profile[0] + "-" + profile[1]) if profile[0] in ("interceptor", "resolution") \
            else f"{profile[0]}-{profile[1]}"
        if name in shown:
            w.append(f"Profile: see `{name}` under \"{shown[name]}\" above.\n")
            continue
        shown[name] = text
        path = os.path.join(d, f"profile-{name}.txt")
        samples = os.path.join(d, f"profile-{name}-samples.txt")
        if os.path.exists(path):
            w.append(f"`{name}` re-run with `-prof gc -prof jfr` (JMH, 3 × 1 s iterations):\n")
            w.append("```")
            w.append(profile_excerpt(path))
            if os.path.exists(samples):
                w.append("")
                w.append(jfr_summary(samples, "jmh-worker", "the benchmark thread"))
            w.append("```\n")
        else:
            w.append("(no profile was recorded)\n")

    w.append("## Reproduce\n")
    w.append("```bash\nbenchmarks/run.sh          # everything, about 15 minutes on 2 cores\n"
             "benchmarks/run.sh --quick  # 10k grants only, short iterations\n```\n")
    w.append("Raw output of the last run: `benchmarks/target/results/` (JMH JSON and logs, wrk output, profiles).")
    with open(target, "w") as f:
        f.write("\n".join(w) + "\n")


def readme(d):
    """The README's "Performance" section: headline ratios of the run and the command."""
    r = Results(d)
    m = r.machine
    ours = "PermissionManagerCachedBenchmark"
    w = ["## Performance", ""]
    w.append(f"Measured by `benchmarks/run.sh` ({m.get('mode', '?')} run, {m.get('started', '?')}, "
             f"{m.get('cores', '?')} cores of an {m.get('cpu', '?')}, JDK 17, load average "
             f"{m.get('loadavg', '?').split()[0]} at the start); every figure, the method and the profiles of the "
             "missed targets are in [benchmarks/RESULTS.md](benchmarks/RESULTS.md). Same generated grants for "
             "every engine, each checked against the expected decisions before timing.")
    w.append("")
    w.append("| | result |\n|---|---|")
    for size in r.sizes():
        a = r.score(ours, size)
        if not a:
            continue
        parts = []
        for cls, name in [("HashMapFloorBenchmark", "a `HashMap` lookup"), ("ShiroBenchmark", "Shiro 2.2.1 implies"),
                          ("CasbinEnforcerBenchmark", "jCasbin `Enforcer`"),
                          ("CasbinCachedEnforcerBenchmark", "jCasbin `CachedEnforcer`"),
                          ("AclBenchmark", "Spring Security ACL")]:
            b = r.score(cls, size)
            if b:
                parts.append(f"{a / b:.1f}× {name}" if cls == "HashMapFloorBenchmark"
                             else (f"{b / a:,.1f}× faster than {name}" if b >= a else f"{a / b:,.1f}× slower than {name}"))
        w.append(f"| cached check, {size_label(size)} grants | {fmt(a)} ns: " + "; ".join(parts) + " |")
    g = r.interceptor.get(("InterceptorBenchmark", "requiresPermissions", None))
    p = r.interceptor.get(("InterceptorBenchmark", "preAuthorize", None))
    if g:
        w.append(f"| `@RequiresPermissions` call, decision cached | {fmt(g[0])} ns"
                 + (f" (`@PreAuthorize(\"hasPermission(...)\")` over the same decisions: {fmt(p[0])} ns)" if p else "")
                 + " |")
    if r.http:
        ratios = http_ratios(r.http)
        gp = max(x["p99"] for x in r.http["guarded"])
        up = max(x["p99"] for x in r.http["unguarded"])
        per_round = ", ".join(f"{x:.0%}" for x in ratios["rounds"])
        cpu = f"; CPU per request {ratios['cpu_median']:.0%}" if ratios["cpu_median"] else ""
        w.append(f"| HTTP, guarded vs the same endpoint unguarded (wrk, 2 threads) | {ratios['median']:.0%} of the "
                 f"throughput (median of the rounds: {per_round}{cpu}); p99 {fmt(gp)} ms vs {fmt(up)} ms |")
    w.append("")
    targets = r.targets()
    met = [t for t in targets if t[2] == "MET"]
    missed = [t for t in targets if t[2] == "MISSED"]
    w.append(f"Targets of the benchmark issue: {len(met)} met, {len(missed)} missed"
             + (" (" + "; ".join(t[1] for t in missed) + ")" if missed else "")
             + ". RESULTS.md shows the profile of each miss.")
    w.append("")
    try:
        from datetime import datetime
        fmt_ = "%Y-%m-%d %H:%M:%S UTC"
        minutes = (datetime.strptime(m["finished"], fmt_) - datetime.strptime(m["started"], fmt_)).seconds / 60
    except (KeyError, ValueError):
        minutes = None
    load = float(m.get("loadavg", "0").split()[0] or 0)
    busy = [(k[len("load_"):], float(v.split()[1])) for k, v in m.items()
            if k.startswith("load_") and k != "loadavg_end" and len(v.split()) > 1 and float(v.split()[1]) > 1.5]
    if load <= 1.5 and busy:
        w.append("The machine was quiet at the start; the load average rose during the run (its own processes count: a "
                 "JMH fork keeps about one core busy, wrk and the app both; other builds added to it) — "
                      + ", ".join(f"{v:.1f} as the {k} phase started" for k, v in busy)
                 + " on " + str(m.get("cores", "?")) + " cores — so the figures of those phases are noisier than the rest.")
        w.append("")
    if load > 2:
        w.append(f"**The machine was busy during this run (load average {load:.1f} on {m.get('cores', '?')} cores at "
                 "the start): its times, and even the ratios between cases timed one after the other, are not fit "
                 "to judge the targets by; its allocation figures are. A full run on a quiet machine "
                 "(`benchmarks/run.sh`) replaces them.**")
        w.append("")
    elif load > 1.5:
        w.append(f"The machine was shared during this run (load average {load:.1f} on {m.get('cores', '?')} cores at "
                 "the start): absolute times are inflated and the confidence intervals wide; "
                 "the ratios between contenders measured side by side are the steadier figures.")
        w.append("")
    w.append("Reproduce (" + (f"this run took {minutes:.0f} minutes" if minutes else "about 15 minutes on 2 cores")
             + "; `--quick` for a 10k-grant smoke run, `--only <phase>` for one phase, e.g. `--only http`):")
    w.append("")
    w.append("```bash\nbenchmarks/run.sh\n```")
    print("\n".join(w))


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "http-missed":
        http_missed(sys.argv[2])
    elif len(sys.argv) >= 3 and sys.argv[1] == "http":
        print("\n".join(http_section(Results(sys.argv[2]), sys.argv[2])))
    elif len(sys.argv) >= 3 and sys.argv[1] == "readme":
        readme(sys.argv[2])
    elif len(sys.argv) >= 3 and sys.argv[1] == "misses":
        misses(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) >= 5 else None)
    else:
        sys.exit(__doc__)
