#!/usr/bin/env python3
"""Turns the list filtering benchmarks' JMH results into the tables of benchmarks/FILTERING.md.

  filter-report.py DIR FILE   reads DIR/filter-<db>.json and DIR/filter-<db>-unfiltered.json (h2, postgresql),
                              DIR/machine.properties and DIR/filter-<db>-plans.txt, and rewrites the part of
                              FILE between the "results" markers

Standard library only; every figure comes from the files in DIR.
"""
import os
import sys

from jmh_results import load_json, read_props, score_error

PKG = "io.github.permissionmanager.benchmarks.filter."
USERS = ["objectGrants", "typeWide", "group"]
CASES = [
    ("filteredPage", "page, `PermissionFilters` (ids listed up to 1,000, looked up beyond)"),
    ("filteredCount", "count, `PermissionFilters`"),
    ("lookedUpPage", "page, grant table always looked up (`max-object-ids: 0`)"),
    ("lookedUpCount", "count, grant table always looked up"),
    ("objectIdsPage", "page, `objectIds` + `IN` query (wrong for `typeWide`: it lists no type-wide grant)"),
    ("postFilterPage", "page, `@PostFilter` over `findAll` (load all, check each, cut the page)"),
]
BEGIN = "<!-- results: written by benchmarks/filter-report.py -->"
END = "<!-- end of results -->"


def scores(entries):
    out = {}
    for e in entries:
        name = e["benchmark"].replace(PKG, "")
        user = e.get("params", {}).get("user")
        m = e["primaryMetric"]
        out[(name, user)] = (m["score"], score_error(m), m["scoreUnit"])
    return out


def ms(value):
    if value is None:
        return "n/a"
    v = value / 1000.0  # JMH unit: us/op
    return f"{v:.3f} ms" if v < 10 else f"{v:.1f} ms"


def cell(s):
    if s is None:
        return "did not run"
    score, err, _ = s
    return ms(score) if err is None else f"{ms(score)} ± {ms(err)}"


def section(d, db, title):
    filtered = scores(load_json(os.path.join(d, f"filter-{db}.json")))
    unfiltered = scores(load_json(os.path.join(d, f"filter-{db}-unfiltered.json")))
    if not filtered and not unfiltered:
        return [f"### {title}", "", "Not run (see the run's log).", ""]
    page = unfiltered.get(("UnfilteredListBenchmark.unfilteredPage", None))
    count = unfiltered.get(("UnfilteredListBenchmark.unfilteredCount", None))
    lines = [f"### {title}", "",
             f"Unfiltered (the same page, no filter): page {cell(page)}, count {cell(count)}.", "",
             "| case | " + " | ".join(f"`{u}`" for u in USERS) + " |",
             "|---|" + "---|" * len(USERS)]
    for name, label in CASES:
        row = [cell(filtered.get((f"FilterBenchmark.{name}", u))) for u in USERS]
        lines.append(f"| {label} | " + " | ".join(row) + " |")
    ratios = []
    for u in USERS:
        fp = filtered.get(("FilterBenchmark.filteredPage", u))
        lp = filtered.get(("FilterBenchmark.lookedUpPage", u))
        pf = filtered.get(("FilterBenchmark.postFilterPage", u))
        parts = []
        if fp and page:
            parts.append(f"filtered page / unfiltered page = {fp[0] / page[0]:.2f}x")
        if lp and page:
            parts.append(f"looked-up page / unfiltered page = {lp[0] / page[0]:.2f}x")
        if fp and pf:
            parts.append(f"`@PostFilter` page / filtered page = {pf[0] / fp[0]:.0f}x")
        ratios.append(f"- `{u}`: " + "; ".join(parts) if parts else f"- `{u}`: incomplete")
    lines += ["", "Ratios (targets: a filtered page within 2x of the unfiltered one, and at least 10x faster "
              "than `@PostFilter`):", ""] + ratios + [""]
    return lines


def write(d, target):
    machine = read_props(os.path.join(d, "machine.properties"))
    lines = [BEGIN, "",
             f"Run of {machine.get('started', '?')} ({machine.get('command', '?')}, commit {machine.get('commit', '?')}, "
             f"{machine.get('cores', '?')} cores, JMH options `{open(os.path.join(d, 'filter-jmh-options.txt')).read().strip() if os.path.exists(os.path.join(d, 'filter-jmh-options.txt')) else '?'}`). "
             f"Load average at the start of each phase: H2 {machine.get('load_filter-h2', '?')}, "
             f"PostgreSQL {machine.get('load_filter-postgresql', '?')}. Average time per operation, "
             "± JMH's 99.9 % confidence interval.", ""]
    lines += section(d, "h2", "H2 in memory")
    lines += section(d, "postgresql", "PostgreSQL 127.0.0.1:5432")
    plans = os.path.join(d, "filter-postgresql-plans.txt")
    if os.path.exists(plans):
        lines += ["### PostgreSQL plans (`FilterExplain`, same data)", "", "```"]
        with open(plans) as f:
            lines += [l.rstrip("\n") for l in f]
        lines += ["```", ""]
    lines.append(END)
    with open(target) as f:
        text = f.read()
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        text = head + "\n".join(lines) + tail
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"
    with open(target, "w") as f:
        f.write(text)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    write(sys.argv[1], sys.argv[2])
