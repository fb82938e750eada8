-- Logged lithology intervals; codes come from the 'lithology' lookup list.
CREATE TABLE lithology (
  id INTEGER PRIMARY KEY,
  hole INTEGER NOT NULL REFERENCES holes (id) ON DELETE CASCADE,
  depth_from REAL NOT NULL CHECK (depth_from >= 0),
  depth_to REAL NOT NULL CHECK (depth_to >= 0),
  code TEXT NOT NULL CHECK (length(code) > 0),
  description TEXT,
  comments TEXT
) STRICT;

CREATE INDEX lithology_hole_from ON lithology (hole, depth_from);
