-- Collars. hole_id is kept exactly as typed (text, leading zeros and case preserved).
CREATE TABLE holes (
  id INTEGER PRIMARY KEY,
  hole_id TEXT NOT NULL UNIQUE CHECK (length(hole_id) > 0),
  easting REAL,
  northing REAL,
  elevation REAL,
  azimuth REAL CHECK (azimuth IS NULL OR (azimuth >= 0 AND azimuth < 360)),
  dip REAL CHECK (dip IS NULL OR (dip >= -90 AND dip <= 90)),
  eoh REAL CHECK (eoh IS NULL OR eoh >= 0),
  hole_type TEXT,
  station TEXT,
  program TEXT,
  started_on TEXT CHECK (started_on IS NULL OR date(started_on) IS NOT NULL),
  completed_on TEXT CHECK (completed_on IS NULL OR date(completed_on) IS NOT NULL),
  comments TEXT
) STRICT;

CREATE INDEX holes_station ON holes (station, hole_id);
