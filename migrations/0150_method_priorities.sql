-- Method priority per analyte (rank 0 first): when a sample has results by several methods (an ore-grade
-- re-assay beside the aqua-regia one), it decides which result is preferred for calculations.
CREATE TABLE method_priorities (
  analyte INTEGER NOT NULL REFERENCES analytes (id) ON DELETE CASCADE,
  method TEXT NOT NULL CHECK (length(method) > 0),
  rank INTEGER NOT NULL CHECK (rank >= 0),
  PRIMARY KEY (analyte, method),
  UNIQUE (analyte, rank)
) STRICT, WITHOUT ROWID;
