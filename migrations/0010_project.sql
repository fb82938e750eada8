-- Project settings: one row saying what the data means (units, dip sign), plus named settings.
CREATE TABLE project (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL CHECK (length(name) > 0),
  coordinate_system TEXT,
  length_unit TEXT NOT NULL CHECK (length_unit IN ('m', 'ft')),
  dip_convention TEXT NOT NULL CHECK (dip_convention IN ('negative-down', 'positive-down')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;

CREATE TABLE project_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Editable lookup lists for coded fields (lithology, hole type, survey method, ...).
CREATE TABLE lookup_codes (
  list TEXT NOT NULL,
  code TEXT NOT NULL CHECK (length(code) > 0),
  description TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (list, code)
) STRICT, WITHOUT ROWID;
