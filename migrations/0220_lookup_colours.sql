-- A colour per lookup code ('#rrggbb'), drawn for lithology on strip logs and sections. NULL means the
-- default colour drillbench picks for the code (domain/lithology-colours.ts), so nothing stored changes.
ALTER TABLE lookup_codes ADD COLUMN colour TEXT CHECK (
  colour IS NULL
  OR (length(colour) = 7 AND colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')
);
