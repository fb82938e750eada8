-- Downhole surveys, dips in the project's dip convention.
CREATE TABLE surveys (
  id INTEGER PRIMARY KEY,
  hole INTEGER NOT NULL REFERENCES holes (id) ON DELETE CASCADE,
  depth REAL NOT NULL CHECK (depth >= 0),
  azimuth REAL NOT NULL CHECK (azimuth >= 0 AND azimuth < 360),
  dip REAL NOT NULL CHECK (dip >= -90 AND dip <= 90),
  method TEXT,
  comments TEXT
) STRICT;

CREATE INDEX surveys_hole_depth ON surveys (hole, depth);
