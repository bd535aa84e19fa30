"""Reading JMH's JSON results and run.sh's properties files: shared by report.py and filter-report.py.

Standard library only.
"""
import json
import os


def load_json(path):
    """The entries of a JMH JSON result file; none when the file is missing or empty (a phase that did not run)."""
    if not os.path.exists(path):
        return []
    with open(path) as f:
        text = f.read().strip()
    return json.loads(text) if text else []


def read_props(path):
    """A key=value file (machine.properties, http.properties) as a dict; empty when missing."""
    props = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if "=" in line:
                    k, v = line.rstrip("\n").split("=", 1)
                    props[k] = v
    return props


def score_error(metric):
    """A metric's confidence interval, or None: JMH writes "NaN" (a string) when too few iterations give none."""
    err = metric.get("scoreError")
    if not isinstance(err, (int, float)) or err != err:
        return None
    return err


def alloc(entry):
    """Bytes allocated per operation (-prof gc), or None when the run was not profiled."""
    for key, metric in entry.get("secondaryMetrics", {}).items():
        if key.endswith("gc.alloc.rate.norm"):
            return metric.get("score")
    return None
