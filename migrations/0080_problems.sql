-- Validation problems, recomputed per hole after each change so grids and the status bar can show them
-- without re-validating a whole project.
CREATE TABLE problems (
  id INTEGER PRIMARY KEY,
  hole INTEGER REFERENCES holes (id) ON DELETE CASCADE,
  table_name TEXT NOT NULL,
  row_id INTEGER,
  column_name TEXT,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
  message TEXT NOT NULL
) STRICT;

CREATE INDEX problems_hole ON problems (hole);
CREATE INDEX problems_row ON problems (table_name, row_id);
CREATE INDEX problems_severity_rule ON problems (severity, rule);
