#!/usr/bin/env python3
"""Prints how much less CPU rungs takes than Checkov on the same Terraform (issue 11's row).

For each directory: CHECKOV_RUNS runs of Checkov (`checkov -d DIR --framework terraform --quiet
--compact --skip-download -o json`, BC_SKIP_MAPPING=TRUE; 1 unless the environment variable
CHECKOV_RUNS says more) interleaved with RUNS runs of `rungs scan DIR --format json`, so that
both see the same load on a shared machine; CPU is user + system time of the child process
(getrusage). Prints the median of Checkov's CPU, the median and minimum of rungs' CPU and the
ratio of the medians. Figures only, no assertion: shared CI machines are too noisy for a
threshold. Usage:
python3 .ci/checkov-ratio.py CHECKOV RUNGS RUNS DIR...
"""
import os
import resource
import statistics
import subprocess
import sys


def cpu_seconds(command, env=None):
    """User + system CPU seconds of one run of `command` (and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                   check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    checkov, rungs, runs, dirs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    checkov_runs = max(1, int(os.environ.get("CHECKOV_RUNS", "1")))
    env = dict(os.environ, BC_SKIP_MAPPING="TRUE")
    print(f"| directory | Checkov CPU, median of {checkov_runs} | rungs CPU, median of {runs} (min)"
          " | ratio |")
    print("|---|---:|---:|---:|")
    for directory in dirs:
        theirs, ours = [], []
        for slot in range(checkov_runs):
            theirs.append(cpu_seconds([checkov, "-d", directory, "--framework", "terraform",
                                       "--quiet", "--compact", "--skip-download", "-o", "json"],
                                      env))
            # This slot's share of rungs' runs; the last slot takes the remainder.
            share = runs // checkov_runs + (runs % checkov_runs if slot == checkov_runs - 1 else 0)
            ours += [cpu_seconds([rungs, "scan", directory, "--format", "json"])
                     for _ in range(share)]
        theirs_median, median = statistics.median(theirs), statistics.median(ours)
        print(f"| {directory} | {theirs_median:.2f} s | {median * 1000:.1f} ms"
              f" ({min(ours) * 1000:.1f} ms) | {theirs_median / median:.0f}x |")


if __name__ == "__main__":
    main()
