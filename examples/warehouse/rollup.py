"""Runs rollup.sql over rungs JSONL exports with DuckDB and prints the roll-up as JSON.

    python3 rollup.py 'exports/*.jsonl' teams.csv

teams.csv has the columns ord,pattern,team (repository globs per team, first match wins).
The output maps "kind/group" to {level, score, limiting, domains: {id: [level, score]},
categories: {id: [level, score]}}.
"""
import json
import pathlib
import sys

import duckdb


def main(lines_glob, teams_csv):
    con = duckdb.connect()
    quote = lambda s: "'" + s.replace("'", "''") + "'"
    con.execute(
        "CREATE TEMP TABLE rungs_lines AS SELECT * FROM read_json_auto("
        + quote(lines_glob)
        + ", format='newline_delimited', union_by_name=true)"
    )
    con.execute(
        "CREATE TEMP TABLE teams AS SELECT * FROM read_csv("
        + quote(teams_csv)
        + ", header=true, columns={'ord': 'INTEGER', 'pattern': 'VARCHAR', 'team': 'VARCHAR'})"
    )
    con.execute((pathlib.Path(__file__).parent / "rollup.sql").read_text())
    out = {}
    rows = con.execute(
        "SELECT gk, grp, domain, category, level, score, limiting FROM rungs_rollup"
        " ORDER BY gk, grp, domain NULLS FIRST, category NULLS FIRST"
    ).fetchall()
    for gk, grp, domain, category, level, score, limiting in rows:
        group = out.setdefault(
            f"{gk}/{grp}",
            {"level": None, "score": None, "limiting": None, "domains": {}, "categories": {}},
        )
        if domain is None:
            group.update(level=level, score=score, limiting=limiting)
        elif category is None:
            group["domains"][domain] = [level, score]
        else:
            group["categories"][category] = [level, score]
    print(json.dumps(out, indent=1, sort_keys=True))


if __name__ == "__main__":
    main(*sys.argv[1:3])
