#!/usr/bin/env python3
"""Prints how much less CPU rungs takes than Checkov on the same Terraform (issue 11's row).

For each directory: one Checkov run (`checkov -d DIR --framework terraform --quiet --compact
--skip-download -o json`, BC_SKIP_MAPPING=TRUE), then RUNS runs of `rungs scan DIR --format
json`; CPU is user + system time of the child process (getrusage). Prints Checkov's CPU, the
median and minimum of rungs' CPU and the ratio to the median. Figures only, no assertion: shared
CI machines are too noisy for a threshold. Usage:
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
    env = dict(os.environ, BC_SKIP_MAPPING="TRUE")
    print("| directory | Checkov CPU | rungs CPU, median (min) | ratio |")
    print("|---|---:|---:|---:|")
    for directory in dirs:
        theirs = cpu_seconds([checkov, "-d", directory, "--framework", "terraform", "--quiet",
                              "--compact", "--skip-download", "-o", "json"], env)
        ours = [cpu_seconds([rungs, "scan", directory, "--format", "json"]) for _ in range(runs)]
        median = statistics.median(ours)
        print(f"| {directory} | {theirs:.2f} s | {median * 1000:.1f} ms ({min(ours) * 1000:.1f} ms)"
              f" | {theirs / median:.0f}x |")


if __name__ == "__main__":
    main()
