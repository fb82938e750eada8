-- Analytes are rows, not columns, so a new element needs no schema change.
CREATE TABLE analytes (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
  unit TEXT NOT NULL CHECK (unit IN ('%', 'ppm', 'ppb', 'g/t', 'oz/t')),
  detection_limit REAL,
  upper_limit REAL,
  decimals INTEGER NOT NULL DEFAULT 2 CHECK (decimals BETWEEN 0 AND 6),
  description TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Results in long form, clustered by sample (WITHOUT ROWID) because every reader wants a sample's
-- results together and imports append in that order. lab_text is the lab's exact text; value is the
-- number calculations start from (the limit itself for '<' and '>' results); flag says which kind of
-- result it is. A re-assay is another row for the same sample and analyte with the next seq; `preferred`
-- marks the one calculations use.
CREATE TABLE assay_results (
  sample INTEGER NOT NULL REFERENCES samples (id) ON DELETE CASCADE,
  analyte INTEGER NOT NULL REFERENCES analytes (id),
  seq INTEGER NOT NULL DEFAULT 0 CHECK (seq >= 0),
  value REAL,
  lab_text TEXT NOT NULL,
  flag TEXT NOT NULL CHECK (flag IN ('value', 'bdl', 'odl', 'ns', 'is', 'missing', 'invalid')),
  method TEXT,
  lab TEXT,
  certificate TEXT,
  preferred INTEGER NOT NULL DEFAULT 1 CHECK (preferred IN (0, 1)),
  PRIMARY KEY (sample, analyte, seq)
) STRICT, WITHOUT ROWID;
