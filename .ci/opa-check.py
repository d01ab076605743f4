#!/usr/bin/env python3
"""Runs the Rego library under real OPA (v1.20, from the PyPI package opa-golib-python-bindings).

1. Compiles every .rego file under policies/ together (a compile error fails the run) and applies
   the checks of `opa check --strict` that the bindings do not expose, on each module's AST
   (from OPA's own `rego.parse_module`): unused and duplicate imports, deprecated built-ins,
   `input`/`data` shadowed by a local, unused local assignments.
2. Evaluates every `test_*` rule of every *_test.rego, as `opa test` does: a test passes when the
   rule is true; false, undefined or an error (strict built-in errors are on) fails it.
3. With --compare RUNGS_BINARY: every policy's `deny` and `unknown` sets under OPA on each document
   `rungs input` gives for the bundled examples and the policy fixtures, against the fail and
   unknown findings of `rungs scan --format json` (regorus) on the same documents: any
   difference fails the run. The compared directories are copied into one temporary tree, each
   at its path in the repository, and scanned once: a scan of the debug binary compiles the
   whole library first (seconds), so one scan per directory took most of this check's time.
   Their documents are the ones a scan of each directory alone gives, paths aside (the copies
   keep each directory's layout, and no fixture reaches outside its directory); a directory
   that holds a symbolic link or a `.rungs.yaml`, which a copy beside others would not
   reproduce, is scanned alone. The two rungs runs go on while OPA compiles and tests.

Prints `N passed, M failed` and exits non-zero on any failure or compile error.
Usage: python3 .ci/opa-check.py [policies_dir] [--compare RUNGS_BINARY]
"""
import json
import multiprocessing
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

from opa_bindings import OpaEngine, OpaError

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARGS = sys.argv[1:]
RUNGS = None
if "--compare" in ARGS:
    i = ARGS.index("--compare")
    RUNGS = ARGS[i + 1]
    del ARGS[i : i + 2]
POLICIES = pathlib.Path(ARGS[0]) if ARGS else ROOT / "policies"
# What the comparison scans: the bundled examples and every policy's pass and fail fixtures.
def compare_dirs():
    dirs = [ROOT / "examples" / ex for ex in ("aws-platform", "azure-platform", "gcp-platform")]
    dirs += sorted(d for d in (ROOT / "tests" / "fixtures" / "policies").glob("*/*") if d.is_dir())
    # Fixtures full of unknown values (variables, counts, for_each, dynamic blocks).
    dirs += sorted(d for d in (ROOT / "tests" / "fixtures" / "honest").glob("*") if d.is_dir())
    return dirs


def policy_ids(files):
    """(id, package) of every policy file (its METADATA names the id)."""
    out = []
    for f in files:
        if f.name.endswith("_test.rego"):
            continue
        src = f.read_text()
        m = re.search(r"^#\s+id:\s*(\S+)", src, re.M)
        if m:
            out.append((m.group(1), package_of(src)))
    return out


def collector(policies):
    """A module gathering every policy's deny and unknown sets, so one query judges a document."""
    lines = ["package opacheck", ""]
    for pid, pkg in policies:
        lines.append(f'deny[{json.dumps(pid)}] := data.{pkg}.deny')
        lines.append(f'unknown[{json.dumps(pid)}] := data.{pkg}.unknown')
    return "\n".join(lines) + "\n"

DEPRECATED = {
    "any", "all", "re_match", "net.cidr_overlap", "set_diff", "cast_array", "cast_set",
    "cast_string", "cast_boolean", "cast_null", "cast_object",
}


def package_of(src):
    m = re.search(r"^package\s+([\w.]+)", src, re.M)
    return m.group(1)


def walk(node, fn):
    fn(node)
    if isinstance(node, dict):
        for v in node.values():
            walk(v, fn)
    elif isinstance(node, list):
        for v in node:
            walk(v, fn)


def ref_text(ref):
    parts = []
    for i, t in enumerate(ref):
        if i == 0 and t["type"] == "var":
            parts.append(t["value"])
        elif t["type"] == "string":
            parts.append(t["value"])
        else:
            return None
    return ".".join(parts)


def strict_problems(engine, path, src):
    """The `opa check --strict` checks, on the module AST from OPA's parser."""
    # One query string for every module (operands through input): the bindings compile each
    # distinct query string once, over every module (seconds), then reuse it.
    ast = engine.eval_query("x := rego.parse_module(input.p, input.s)", {"p": path, "s": src})[0]["x"]
    problems = []
    # Imports: duplicates and unused ones.
    seen = set()
    for imp in ast.get("imports") or []:
        text = ref_text(imp["path"]["value"])
        alias = imp.get("alias") or (text.split(".")[-1] if text else None)
        if text in ("rego.v1", "future.keywords") or (text or "").startswith("future."):
            continue
        if text in seen:
            problems.append(f"duplicate import {text}")
        seen.add(text)
        used = []
        def use(n):
            if isinstance(n, dict) and n.get("type") == "ref":
                v = n["value"]
                if v and v[0].get("type") == "var" and v[0].get("value") == alias:
                    used.append(1)
            if isinstance(n, dict) and n.get("type") == "var" and n.get("value") == alias:
                used.append(1)
        walk(ast.get("rules") or [], use)
        if not used:
            problems.append(f"unused import {text} (as {alias})")
    for rule in ast.get("rules") or []:
        head = rule.get("head", {})
        loc = f"rule {head.get('name') or ref_text(head.get('ref') or []) or '?'}"
        # Deprecated built-ins.
        def dep(n):
            if isinstance(n, dict) and n.get("type") == "call":
                op = ref_text(n["value"][0]["value"])
                if op in DEPRECATED:
                    problems.append(f"{loc}: deprecated built-in {op}")
        walk(rule, dep)
        # input/data shadowed; unused local assignments (`x := ...` whose x is never read).
        counts = {}
        def count_vars(n):
            if isinstance(n, dict) and n.get("type") == "var":
                counts[n["value"]] = counts.get(n["value"], 0) + 1
        walk(rule, count_vars)
        def assigns(n):
            if isinstance(n, dict) and isinstance(n.get("terms"), list) and n["terms"]:
                op = n["terms"][0]
                if op.get("type") == "ref" and ref_text(op["value"]) == "assign":
                    lhs = n["terms"][1]
                    names = []
                    walk(lhs, lambda t: names.append(t["value"]) if isinstance(t, dict) and t.get("type") == "var" else None)
                    for name in names:
                        if name in ("input", "data"):
                            problems.append(f"{loc}: {name} shadowed by a local")
                        elif not name.startswith("$") and name != "_" and counts.get(name, 0) < 2:
                            problems.append(f"{loc}: assigned var {name} unused")
        walk(rule.get("body") or [], assigns)
        walk(rule.get("else") or {}, assigns)
    return problems


def main():
    with tempfile.TemporaryDirectory(prefix="opa-check-") as tmp:
        units = start_rungs(pathlib.Path(tmp)) if RUNGS else []
        try:
            return check(units)
        finally:
            # A run that stopped early (a compile error) leaves no rungs process behind.
            for unit in units:
                for proc in (unit["input"], unit["scan"]):
                    if proc.poll() is None:
                        proc.kill()
                    proc.wait()


def load(files):
    """An OPA engine holding every policy file (and, to compare, the collector); parse failures."""
    engine = OpaEngine()
    engine.print_handler = lambda msg, loc: None
    failures = []
    for f in files:
        try:
            engine.add_policy(str(f.relative_to(POLICIES)), f.read_text())
        except OpaError as e:
            failures.append(f"parse {f}: {e}")
    if RUNGS:
        engine.add_policy("opacheck.rego", collector(policy_ids(files)))
    return engine, failures


SETS = "x := {\"deny\": data.opacheck.deny, \"unknown\": data.opacheck.unknown}"


def judge(engine, doc):
    """Every policy's deny and unknown sets on one document, or OPA's error."""
    try:
        return engine.eval_query(SETS, doc)[0]["x"]
    except OpaError as e:
        return str(e)


def judge_share(share):
    """In a worker process: `judge` on the documents `share` names, (input file, index) each."""
    engine, _ = load(sorted(POLICIES.rglob("*.rego")))
    return {key: judge(engine, doc) for key, doc in documents(share)}


def check(units):
    files = sorted(POLICIES.rglob("*.rego"))
    # The documents are split between this process and `workers` others (OPA judges on one core),
    # which start now and judge their share while this one compiles and runs the tests: so this
    # one takes half a worker's share (judging every document takes some twice the tests' time).
    workers = max(0, min(len(os.sched_getaffinity(0)), 4) - 1) if units else 0
    shares = [[] for _ in range(workers + 1)]
    slots = [0] + [w for w in range(1, workers + 1) for _ in range(2)]
    n = 0
    for unit in units:
        for i in range(len(finished(unit, "input"))):
            shares[slots[n % len(slots)]].append((str(unit["out"] / "input.json"), i))
            n += 1
    pool = multiprocessing.get_context("spawn").Pool(workers) if workers else None
    pending = [pool.apply_async(judge_share, (share,)) for share in shares[1:]] if pool else []
    try:
        return run_checks(files, units, shares[0], pending)
    finally:
        if pool:
            pool.terminate()
            pool.join()


def run_checks(files, units, share, pending):
    engine, failures = load(files)
    # Compile everything once: any compile error (recursion, type error, conflict) shows here.
    try:
        engine.eval_query("x := 1")
    except OpaError as e:
        print(f"compile error: {e}")
        print(f"0 passed, {len(files)} failed (compile)")
        return 1
    strict = 0
    for f in files:
        for p in strict_problems(engine, str(f), f.read_text()):
            failures.append(f"strict {f.relative_to(POLICIES)}: {p}")
            strict += 1
    passed = 0
    failed = 0
    for f in sorted(POLICIES.rglob("*_test.rego")):
        src = f.read_text()
        pkg = package_of(src)
        names = sorted(set(re.findall(r"^(test_\w+)", src, re.M)))
        for name in names:
            path = pkg.split(".") + [name]
            # data[k0][k1]...: one query string per depth, so one compilation each (see above).
            query = "x := data" + "".join(f"[input.k[{i}]]" for i in range(len(path)))
            try:
                rs = engine.eval_query(query, {"k": path})
                ok = bool(rs) and rs[0].get("x") is True
                why = "" if ok else ("undefined" if not rs else f"= {json.dumps(rs[0].get('x'))}")
            except OpaError as e:
                ok, why = False, f"error: {e}"
            if ok:
                passed += 1
            else:
                failed += 1
                failures.append(f"FAIL {f.relative_to(POLICIES)}: {name} {why}")
    compared = 0
    if RUNGS:
        sets = {key: judge(engine, doc) for key, doc in documents(share)}
        for job in pending:
            sets.update(job.get())
        compared, diffs = compare(files, units, sets)
        failures += diffs
    for line in failures:
        print(line)
    if RUNGS:
        pairs, outcomes = compared
        print(f"{pairs} (policy, document) pairs compared between regorus and OPA "
              f"({outcomes['fail']} fail and {outcomes['unknown']} unknown findings), "
              f"{sum(1 for f in failures if f.startswith('DIFF'))} differences")
    print(f"{len(files)} files compiled, {strict} strict-mode problems")
    print(f"{passed} passed, {failed} failed")
    return 1 if failures else 0


def has_link(where):
    for top, dirs, names in os.walk(where):
        if any(os.path.islink(os.path.join(top, n)) for n in dirs + names):
            return True
    return False


def start_rungs(tmp):
    """Starts `rungs input` and `rungs scan` on the compared directories, in the background.

    Returns the units scanned: one tree holding a copy of every directory at its path in the
    repository, plus each directory that must be scanned alone (see the module's docstring);
    each with its scan root, the directories it holds and the two processes, whose output goes
    to files under `tmp`.
    """
    batched, alone = [], []
    for where in compare_dirs():
        name = where.relative_to(ROOT).as_posix()
        if os.path.lexists(where / ".rungs.yaml") or has_link(where):
            alone.append((where, [name]))
        else:
            batched.append(name)
    tree = tmp / "tree"
    tree.mkdir()
    for name in batched:
        shutil.copytree(ROOT / name, tree / name, symlinks=True)
    units = []
    for i, (root, names) in enumerate([(tree, batched)] + alone):
        out = tmp / f"unit{i}"
        out.mkdir()
        unit = {"root": root, "names": names, "batched": root == tree, "out": out}
        for what, args in (
            ("input", [RUNGS, "input", str(root)]),
            ("scan", [RUNGS, "scan", str(root), "--format", "json", "--no-default-policies",
                      "--policy", str(POLICIES)]),
        ):
            with open(out / f"{what}.json", "wb") as stdout, open(out / f"{what}.err", "wb") as stderr:
                unit[what] = subprocess.Popen(args, stdout=stdout, stderr=stderr)
        units.append(unit)
    return units


def finished(unit, what):
    """The JSON a unit's `rungs input` or `rungs scan` printed, once it is done."""
    if what + " json" in unit:
        return unit[what + " json"]
    code = unit[what].wait()
    text = (unit["out"] / f"{what}.json").read_text()
    # `scan` may exit 2 (a fixture's error diagnostic) with its full report: only `input` must
    # succeed, as before.
    if (what == "input" and code != 0) or not text.strip():
        err = (unit["out"] / f"{what}.err").read_text()
        raise SystemExit(f"rungs {what} {unit['root']} exited {code}: {err[-2000:]}")
    unit[what + " json"] = json.loads(text)
    return unit[what + " json"]


def documents(share):
    """((input file, index), document) of each entry of a share."""
    docs = {}
    for path, i in share:
        if path not in docs:
            docs[path] = json.loads(pathlib.Path(path).read_text())
        yield (path, i), docs[path][i]


def compare(files, units, judged):
    """The deny and unknown sets under OPA (`judged`, by input file and index) against rungs'
    (regorus') findings, document by document."""
    policies = policy_ids(files)
    pairs, diffs, outcomes = 0, [], {"fail": 0, "unknown": 0}
    ours, theirs = set(), {}
    where = {}  # a document's root in the repository -> the compared directory that holds it
    for unit in units:
        # Roots are relative to the scan root: the tree's are the repository's paths already;
        # a directory scanned alone gets its own path in front.
        if unit["batched"]:
            def rooted(root):
                return root
        else:
            def rooted(root, name=unit["names"][0]):
                return name if root == "." else f"{name}/{root}"
        path = str(unit["out"] / "input.json")
        for i, doc in enumerate(finished(unit, "input")):
            root = rooted(doc.get("root"))
            where[root] = next(n for n in unit["names"] if root == n or root.startswith(n + "/"))
            pairs += len(policies)
            sets = judged[(path, i)]
            if isinstance(sets, str):
                diffs.append(f"DIFF {where[root]} {root}: OPA error {sets}")
                continue
            denied = {(pid, x.get("resource")) for pid, got in sets["deny"].items() for x in got}
            for rule, outcome in (("deny", "fail"), ("unknown", "unknown")):
                for pid, got in sets[rule].items():
                    for x in got:
                        # As in rungs, a denied resource is a failure, whatever `unknown` says.
                        if outcome == "unknown" and (pid, x.get("resource")) in denied:
                            continue
                        key = (pid, root, x.get("resource"), outcome)
                        theirs.setdefault(key, set()).add(x.get("message"))
        report = finished(unit, "scan")
        # "<scan>" findings are rungs' own verdicts on presence policies over the whole scan (nothing
        # in any document satisfies it), not a deny set of one document: left out.
        # A waived finding is a deny the engine gave and a waiver or suppression comment excused.
        ours |= {
            (f["policy"], rooted(f["root"]), f.get("resource"), f.get("message"), "fail" if f["outcome"] == "waived" else f["outcome"])
            for f in report["findings"]
            if f.get("resource") != "<scan>" and f["outcome"] in ("fail", "unknown", "waived")
        }
    # rungs reports one finding per (policy, resource), its deny messages sorted and joined by "; ".
    theirs = {(p, r, res, "; ".join(sorted(m)), o) for (p, r, res, o), m in theirs.items()}
    for t in ours:
        outcomes[t[4]] += 1
    for only, found in (("regorus", ours - theirs), ("OPA", theirs - ours)):
        for t in sorted(found, key=str):
            diffs.append(f"DIFF {where.get(t[1], t[1])}: only {only}: {t}")
    return (pairs, outcomes), diffs

if __name__ == "__main__":
    sys.exit(main())
