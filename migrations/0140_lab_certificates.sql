-- Laboratory certificates imported into the project: the header block as the lab wrote it and what
-- each column held, so every result's certificate number leads back to its source.
CREATE TABLE lab_certificates (
  id INTEGER PRIMARY KEY,
  certificate TEXT NOT NULL UNIQUE CHECK (length(certificate) > 0),
  lab TEXT,
  client TEXT,
  project TEXT,
  reported_on TEXT,
  file_name TEXT NOT NULL,
  header TEXT NOT NULL CHECK (json_valid(header)),
  columns TEXT NOT NULL CHECK (json_valid(columns)),
  samples INTEGER NOT NULL CHECK (samples >= 0),
  results INTEGER NOT NULL CHECK (results >= 0),
  unknown_samples TEXT NOT NULL CHECK (json_valid(unknown_samples)),
  change_set INTEGER REFERENCES change_sets (id),
  imported_at TEXT NOT NULL
) STRICT;

-- The unit the lab reported a result in, when it differs from the analyte's unit: `value` is converted
-- to the analyte's unit and `lab_text` stays exactly as the lab wrote it. NULL means the analyte's unit.
ALTER TABLE assay_results ADD COLUMN lab_unit TEXT CHECK (lab_unit IS NULL OR lab_unit IN ('%', 'ppm', 'ppb', 'g/t', 'oz/t'));
