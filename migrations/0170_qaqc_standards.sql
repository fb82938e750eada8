-- QA/QC: the certified value and standard deviation of each reference material (standard) per analyte,
-- the lookup the control charts judge inserted standards against. The analyte is named by its code, so
-- a standards table can be entered before the certificates that bring the analyte. The value and SD are
-- in `unit`; charts convert them to the analyte's unit. Codes match the samples' standard codes without
-- regard to case (CDN-ME-4 and cdn-me-4 are one material).
CREATE TABLE qaqc_standards (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL COLLATE NOCASE CHECK (length(code) > 0),
  analyte TEXT NOT NULL COLLATE NOCASE CHECK (length(analyte) > 0),
  certified_value REAL NOT NULL CHECK (certified_value >= 0),
  sd REAL NOT NULL CHECK (sd > 0),
  unit TEXT NOT NULL CHECK (unit IN ('%', 'ppm', 'ppb', 'g/t', 'oz/t')),
  source TEXT,
  UNIQUE (code, analyte)
) STRICT;

-- QA/QC reads only the inserts (blanks, standards, field duplicates); partial, so the regular samples of
-- a million-row import cost nothing.
CREATE INDEX samples_qc_inserts ON samples (sample_type, sample_id) WHERE sample_type <> 'regular';

-- A failing standard or blank warns every sample of its batch (certificate). Partial: results imported
-- from CSV files carry no certificate number and cost nothing.
CREATE INDEX assay_results_certificate ON assay_results (certificate, analyte) WHERE certificate IS NOT NULL;
