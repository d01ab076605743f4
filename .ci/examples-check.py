#!/usr/bin/env python3
"""Scans every bundled example (examples/*/) with the given rungs binary on the embedded defaults.

Each scan must exit 0 (no gate is configured, README "Exit codes") with a JSON report holding no
diagnostic of severity error and no `error` result; anything else fails the run, with the scan's
standard error. Usage: python3 .ci/examples-check.py RUNGS_BINARY
"""
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    rungs = sys.argv[1]
    failed = 0
    examples = sorted(d for d in (ROOT / "examples").iterdir() if d.is_dir())
    for example in examples:
        name = example.relative_to(ROOT)
        run = subprocess.run([rungs, "scan", str(example), "--format", "json"], capture_output=True)
        problems = [] if run.returncode == 0 else [f"exit {run.returncode}, 0 expected"]
        try:
            report = json.loads(run.stdout)
            problems += [f"{d.get('code')}: {d.get('message')}" for d in report["diagnostics"]
                         if d["severity"] == "error"]
            problems += [f"{f['policy']} {f.get('resource')}: error result" for f in report["findings"]
                         if f["outcome"] == "error"]
        except (ValueError, KeyError, TypeError) as e:
            problems.append(f"no JSON report: {e}")
        if problems:
            failed += 1
            print(f"FAIL {name}:", *problems, sep="\n  ")
            print(run.stderr.decode(errors="replace"), file=sys.stderr)
    print(f"examples: {len(examples) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
