#!/usr/bin/env python3
"""Times the rungs binary on the inputs of issue 11's rows (docs/performance.md).

Usage: python3 benches/rows.py RUNGS RUNS GENERATED HISTORY [ROW...]
  GENERATED: from `cargo bench --bench scan -- --generate GENERATED --roots 5 --buckets 1
             --files 1801 --mixed 0`, then once more with `--buckets 5000` (it writes
             roots-5, buckets-1, buckets-5000 and files-1801)
  HISTORY:   from `cargo bench --bench history -- --commits 1000 --skip-baselines --keep HISTORY`
  ROW:       only the rows whose label contains one of these words
Per row, RUNS runs one after the other: the median (minimum) of the process's CPU time (user +
system, from wait4), the median wall time and the largest peak RSS. No assertion: figures for
the record, on a machine whose load you note beside them.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time


def main():
    rungs, runs, generated, history = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    only = sys.argv[5:]
    empty = tempfile.mkdtemp()
    rows = [
        ("one bucket (start cost)", ["scan", f"{generated}/buckets-1", "--format", "json"]),
        ("empty directory", ["scan", empty, "--format", "json"]),
        ("policy list", ["policy", "list"]),
        ("5 generated roots", ["scan", f"{generated}/roots-5", "--format", "json"]),
        ("1,801-file shape", ["scan", f"{generated}/files-1801", "--format", "json"]),
        ("5,000 buckets in one root", ["scan", f"{generated}/buckets-5000", "--format", "json"]),
        ("trend, 1,000 commits, --no-cache",
         ["trend", "--path", history, "--quiet", "--no-cache"]),
    ]
    print("| row | CPU, median (min) | wall, median | peak RSS |")
    print("|---|---:|---:|---:|")
    for label, args in rows:
        if only and not any(word in label for word in only):
            continue
        cpu, wall, rss = [], [], []
        for _ in range(runs):
            start = time.perf_counter()
            child = subprocess.Popen([rungs] + args, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(child.pid, 0)
            wall.append(time.perf_counter() - start)
            cpu.append(usage.ru_utime + usage.ru_stime)
            rss.append(usage.ru_maxrss)
        print(f"| {label} | {statistics.median(cpu) * 1000:.1f} ms ({min(cpu) * 1000:.1f})"
              f" | {statistics.median(wall) * 1000:.1f} ms | {max(rss) / 1024:.1f} MiB |")
    os.rmdir(empty)


if __name__ == "__main__":
    main()
