-- Section lines drawn on the plan map, kept per project by name: the line from A to B on the plan (in the
-- project's coordinates) and the half-width of the slab of holes shown on the section.
CREATE TABLE section_lines (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  start_x REAL NOT NULL,
  start_y REAL NOT NULL,
  end_x REAL NOT NULL,
  end_y REAL NOT NULL,
  half_width REAL NOT NULL CHECK (half_width > 0),
  saved_at TEXT NOT NULL,
  CHECK (start_x <> end_x OR start_y <> end_y)
) STRICT;
