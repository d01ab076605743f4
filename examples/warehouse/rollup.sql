-- The organisation, team and repository roll-up of rungs JSONL exports, in SQL, with the rules
-- of `rungs aggregate` and docs/scoring.md. Written for DuckDB; the same statements run on
-- Spark SQL or Trino with their JSON readers in place of the two inputs below.
--
-- Inputs, created by the caller:
--   rungs_lines(...)   every line of the `rungs scan --format jsonl` exports (read_json_auto);
--   teams(ord, pattern, team)   repository globs per team, first match (lowest ord) wins.
-- Output: per group (kind gk 'organisation', 'team' or 'repository'), one row for the group
-- itself (domain and category NULL), one per domain (category NULL) and one per category.

CREATE OR REPLACE TEMP VIEW rungs_rollup AS
WITH objective_lines AS (
    SELECT * FROM rungs_lines WHERE kind = 'objective'
),
-- Each repository counts once, with its newest result: commit date, then scan day.
results AS (
    SELECT DISTINCT repository, "commit", commit_date, scanned FROM objective_lines
),
latest AS (
    SELECT repository, "commit" FROM (
        SELECT *, row_number() OVER (
            PARTITION BY repository ORDER BY commit_date DESC NULLS LAST, scanned DESC
        ) AS rn
        FROM results
    ) WHERE rn = 1
),
members AS (
    SELECT repository, 'organisation' AS gk, 'organisation' AS grp FROM latest
    UNION ALL
    SELECT l.repository, 'team', coalesce(
        (SELECT t.team FROM teams t WHERE l.repository GLOB t.pattern ORDER BY t.ord LIMIT 1),
        '(unassigned)')
    FROM latest l
    UNION ALL
    SELECT repository, 'repository', repository FROM latest
),
-- Tallies added up over the group's repositories where the objective is in scope.
tally AS (
    SELECT m.gk, m.grp, o.id,
        any_value(o.category) AS category, any_value(o.domain) AS domain,
        any_value(o.position) AS position, any_value(o.level) AS level,
        any_value(o.evidence) AS evidence,
        any_value(o.threshold) AS threshold, any_value(o.strict) AS strict,
        sum(CASE WHEN o.in_scope THEN o.passed ELSE 0 END) AS passed,
        sum(CASE WHEN o.in_scope THEN o.failed ELSE 0 END) AS failed,
        sum(CASE WHEN o.in_scope THEN o.severe ELSE 0 END) AS severe,
        sum(CASE WHEN o.in_scope THEN o.errors ELSE 0 END) AS errors,
        bool_or(o.in_scope) AS in_scope,
        bool_or(o.in_scope AND o.attested) AS attested
    FROM objective_lines o
    JOIN latest l ON o.repository = l.repository AND o."commit" IS NOT DISTINCT FROM l."commit"
    JOIN members m ON m.repository = o.repository
    GROUP BY m.gk, m.grp, o.id
),
status AS (
    SELECT *,
        CASE
            WHEN NOT in_scope THEN 'out_of_scope'
            WHEN errors > 0 THEN 'error'
            WHEN evidence <> 'automated' AND attested THEN 'met'
            WHEN evidence = 'attested' THEN 'needs_attestation'
            WHEN passed + failed = 0 THEN 'unassessed'
            WHEN severe > 0 THEN 'failed'
            WHEN passed::DOUBLE / (passed + failed) >= threshold THEN 'met'
            ELSE 'failed'
        END AS status,
        CASE WHEN passed + failed > 0 THEN passed::DOUBLE / (passed + failed) END AS rate
    FROM tally
),
judged AS (
    SELECT *,
        status <> 'out_of_scope' AND (strict OR status <> 'needs_attestation') AS counted,
        status IN ('met', 'failed', 'error') AS evidenced,
        CASE status WHEN 'met' THEN 1.0 WHEN 'failed' THEN coalesce(rate, 0.0) ELSE 0.0 END AS credit
    FROM status
),
-- Per category and level, over counted objectives; a level without any is stepped over.
levels AS (
    SELECT gk, grp, category, level, any_value(strict) AS strict,
        bool_or(evidenced) AS any_evidence,
        bool_or(status IN ('failed', 'error') OR (strict AND status = 'needs_attestation')) AS blocked,
        bool_or(status = 'met') AS met,
        sum(credit) / count(*) AS mean_credit
    FROM judged WHERE counted
    GROUP BY gk, grp, category, level
),
walk AS (
    SELECT *, CASE WHEN strict THEN false ELSE NOT any_evidence END AS stepped FROM levels
),
categories AS (
    SELECT gk, grp, category, any_value(domain) AS domain, min(position) AS position,
        bool_or(evidenced) AS has_evidence
    FROM judged GROUP BY gk, grp, category
),
stops AS (
    SELECT gk, grp, category, min(level) AS stop
    FROM walk WHERE NOT stepped AND (blocked OR NOT met)
    GROUP BY gk, grp, category
),
category_levels AS (
    SELECT c.*,
        CASE WHEN c.has_evidence THEN coalesce((
            SELECT max(w.level) FROM walk w
            WHERE w.gk = c.gk AND w.grp = c.grp AND w.category = c.category
              AND NOT w.stepped AND w.level < coalesce(s.stop, 6)), 0)
        END AS level
    FROM categories c LEFT JOIN stops s USING (gk, grp, category)
),
category_scores AS (
    SELECT c.*,
        CASE WHEN c.level IS NOT NULL THEN floor((c.level + least(greatest(coalesce((
            SELECT w.mean_credit FROM walk w
            WHERE w.gk = c.gk AND w.grp = c.grp AND w.category = c.category
              AND NOT w.stepped AND w.level > c.level
            ORDER BY w.level LIMIT 1), 0.0), 0.0), 0.99)) * 100) / 100
        END AS score
    FROM category_levels c
),
-- Domains and the group: the minimum level, plus the mean progress above it.
domain_levels AS (
    SELECT gk, grp, domain, min(level) AS level FROM category_scores WHERE level IS NOT NULL
    GROUP BY gk, grp, domain
),
domain_scores AS (
    SELECT d.gk, d.grp, d.domain, d.level,
        floor((d.level + least(greatest(sum(least(c.score - d.level, 1.0)) / count(*), 0.0), 0.99)) * 100) / 100 AS score
    FROM domain_levels d JOIN category_scores c USING (gk, grp, domain)
    WHERE c.level IS NOT NULL
    GROUP BY d.gk, d.grp, d.domain, d.level
),
group_levels AS (
    SELECT gk, grp, min(level) AS level FROM category_scores WHERE level IS NOT NULL
    GROUP BY gk, grp
),
group_scores AS (
    SELECT g.gk, g.grp, g.level,
        floor((g.level + least(greatest(sum(least(c.score - g.level, 1.0)) / count(*), 0.0), 0.99)) * 100) / 100 AS score,
        arg_min(c.category, [c.score, c.position::DOUBLE]) FILTER (WHERE c.level = g.level) AS limiting
    FROM group_levels g JOIN category_scores c USING (gk, grp)
    WHERE c.level IS NOT NULL
    GROUP BY g.gk, g.grp, g.level
)
SELECT gk, grp, NULL AS domain, NULL AS category, level, score, limiting FROM group_scores
UNION ALL
SELECT gk, grp, domain, NULL, level, score, NULL FROM domain_scores
UNION ALL
SELECT gk, grp, domain, category, level, score, NULL FROM category_scores;
