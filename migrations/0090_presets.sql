-- Saved calculation parameters (significant intercepts, composites), by kind and name.
CREATE TABLE presets (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('intercepts', 'composites')),
  name TEXT NOT NULL CHECK (length(name) > 0),
  description TEXT,
  params TEXT NOT NULL CHECK (json_valid(params)),
  created_at TEXT NOT NULL,
  UNIQUE (kind, name)
) STRICT;
