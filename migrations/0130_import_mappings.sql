-- Column mappings the import wizard remembers, keyed by a file layout's header row, so the next file
-- with the same columns is mapped the same way (and with the same units, dip sign and result codes).
CREATE TABLE import_mappings (
  id INTEGER PRIMARY KEY,
  header_signature TEXT NOT NULL UNIQUE CHECK (json_valid(header_signature)),
  kind TEXT NOT NULL CHECK (kind IN ('collars', 'surveys', 'assays', 'lithology')),
  mapping TEXT NOT NULL CHECK (json_valid(mapping)),
  options TEXT NOT NULL CHECK (json_valid(options)),
  saved_at TEXT NOT NULL,
  saved_by TEXT NOT NULL,
  uses INTEGER NOT NULL DEFAULT 1 CHECK (uses >= 1)
) STRICT;
