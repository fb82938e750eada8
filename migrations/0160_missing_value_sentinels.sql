-- Missing-value sentinels (issue 9): -99, -999 and -9999 mean "no result", not "below a detection limit
-- of 99 to 9,999". Results stored earlier as below detection (or as unreadable) with such a text are
-- re-flagged missing, their number cleared and their lab text kept; each change is in the audit log
-- under one change set. The preferred result of those samples and analytes is decided again by the rule
-- of domain/certificates/preferred-result.ts (a result with a number beats one without; then method
-- priority; then the earliest). Rules added with this version (implausible detection limits, collar
-- elevation, dogleg severity over the stations' own distance) need the stored problems recomputed: a
-- project with holes is marked, and drillbench re-validates it the next time it is opened for work.
CREATE TEMP TABLE sentinel_results AS
  SELECT sample, analyte, seq, flag, value FROM assay_results
   WHERE flag IN ('bdl', 'invalid')
     AND ltrim(lab_text) LIKE '-%'
     AND substr(trim(lab_text), 2) <> ''
     AND substr(trim(lab_text), 2) NOT GLOB '*[^0-9.]*'
     AND CAST(trim(lab_text) AS REAL) IN (-99, -999, -9999);

INSERT INTO change_sets (at, os_user, source, description)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'drillbench', 'migration',
         'Upgrade: results -99, -999, -9999 read as missing-value codes, not below detection'
   WHERE EXISTS (SELECT 1 FROM temp.sentinel_results);

INSERT INTO audit_log (change_set, action, table_name, row_id, column_name, old_value, new_value)
  SELECT (SELECT max(id) FROM change_sets), 'update', 'assay_results', t.sample, 'flag',
         json_object('sample', t.sample, 'analyte', t.analyte, 'seq', t.seq, 'value', t.value, 'flag', t.flag),
         json_object('sample', t.sample, 'analyte', t.analyte, 'seq', t.seq, 'value', NULL, 'flag', 'missing')
    FROM temp.sentinel_results t;

UPDATE assay_results SET flag = 'missing', value = NULL
 WHERE (sample, analyte, seq) IN (SELECT sample, analyte, seq FROM temp.sentinel_results);

WITH pairs AS (SELECT DISTINCT sample, analyte FROM temp.sentinel_results),
ranked AS (
  SELECT r.sample, r.analyte, r.seq,
         row_number() OVER (
           PARTITION BY r.sample, r.analyte
           ORDER BY CASE WHEN r.flag IN ('value', 'bdl') THEN 0 WHEN r.flag = 'odl' THEN 1 ELSE 2 END,
                    coalesce((SELECT min(m.rank) FROM method_priorities m
                               WHERE m.analyte = r.analyte AND upper(trim(m.method)) = upper(trim(r.method))),
                             1000000000),
                    r.seq) AS place
    FROM assay_results r JOIN pairs p ON p.sample = r.sample AND p.analyte = r.analyte
)
UPDATE assay_results SET preferred = (ranked.place = 1)
  FROM ranked
 WHERE assay_results.sample = ranked.sample AND assay_results.analyte = ranked.analyte
   AND assay_results.seq = ranked.seq AND assay_results.preferred <> (ranked.place = 1);

DROP TABLE temp.sentinel_results;

INSERT INTO project_settings (key, value)
  SELECT 'validation.recheck', 'schema 160: missing-value codes, implausible detection limits, collar elevation, dogleg severity'
   WHERE EXISTS (SELECT 1 FROM holes)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
