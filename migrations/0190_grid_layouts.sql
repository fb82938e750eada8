-- Column layout of each grid (order, widths, columns shown or hidden on purpose, decimals shown), kept in
-- the project so it travels with the file instead of staying on one machine. One JSON document per grid:
-- only the grid reads it, whole, and its shape is checked by the API before it is written.
CREATE TABLE grid_layouts (
  grid TEXT PRIMARY KEY CHECK (length(grid) > 0),
  layout TEXT NOT NULL CHECK (json_valid(layout) AND json_type(layout) = 'object'),
  saved_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
