-- Sample intervals and QA/QC inserts. Blanks and standards have no depths; regular samples and field
-- duplicates do. Cross-row rules (overlaps, duplicate sample IDs) are validation problems, not
-- constraints, so whatever the user typed is kept and flagged.
CREATE TABLE samples (
  id INTEGER PRIMARY KEY,
  hole INTEGER NOT NULL REFERENCES holes (id) ON DELETE CASCADE,
  depth_from REAL CHECK (depth_from IS NULL OR depth_from >= 0),
  depth_to REAL CHECK (depth_to IS NULL OR depth_to >= 0),
  sample_id TEXT,
  sample_type TEXT NOT NULL DEFAULT 'regular' CHECK (sample_type IN ('regular', 'duplicate', 'blank', 'standard')),
  parent_sample_id TEXT,
  standard_code TEXT,
  density REAL CHECK (density IS NULL OR density > 0),
  comments TEXT
) STRICT;

CREATE INDEX samples_hole_from ON samples (hole, depth_from);
CREATE INDEX samples_sample_id ON samples (sample_id) WHERE sample_id IS NOT NULL;
