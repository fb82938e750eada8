-- Compositing runs (significant intercepts, fixed-length composites, desurvey): what was computed, from
-- which data, by whom and when, so a published table can be re-run and checked later. The data hash is
-- SHA-256 over a canonical stream of exactly the rows the run read; excluded lists the holes left out and
-- why. Results live in their own table so listing runs never reads them.
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('intercepts', 'composites', 'desurvey')),
  params TEXT NOT NULL CHECK (json_valid(params)),
  preset TEXT,
  context TEXT NOT NULL CHECK (json_valid(context)),
  data_hash TEXT NOT NULL CHECK (length(data_hash) = 64),
  results_hash TEXT NOT NULL CHECK (length(results_hash) = 64),
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  source TEXT NOT NULL,
  engine TEXT NOT NULL,
  holes_read INTEGER NOT NULL CHECK (holes_read >= 0),
  samples_read INTEGER NOT NULL CHECK (samples_read >= 0),
  result_rows INTEGER NOT NULL CHECK (result_rows >= 0),
  excluded TEXT NOT NULL CHECK (json_valid(excluded)),
  notes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes))
) STRICT;

CREATE INDEX runs_kind ON runs (kind, id);

-- results: the result table in drillbench's columnar encoding (storage/result-table-codec.ts);
-- hole_digests: JSON [[hole ID, digest of that hole's rows as read]], to say which holes changed since.
CREATE TABLE run_results (
  run INTEGER PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
  results BLOB NOT NULL,
  hole_digests TEXT NOT NULL CHECK (json_valid(hole_digests))
) STRICT;
