-- Issue 11: warnings a user has looked at and accepted with a note, and the project's coordinate system
-- as an EPSG code.

-- An acknowledgement names a warning by what it says, not by its id: problems are recomputed (and
-- renumbered) after every change. It applies to a stored warning of the same table, row, rule and
-- message, as long as that row has not been written since (the audit log says). Every message names its
-- row and the depths or values involved, so a change to the data changes the message or touches the row,
-- and the acknowledgement stops applying: it lapses, and stays here and in the audit log. Errors are
-- not acknowledged.
CREATE TABLE problem_acknowledgements (
  id INTEGER PRIMARY KEY,
  table_name TEXT NOT NULL,
  row_id INTEGER,
  rule TEXT NOT NULL,
  message TEXT NOT NULL,
  hole_id TEXT NOT NULL,
  note TEXT NOT NULL CHECK (length(trim(note)) > 0),
  os_user TEXT NOT NULL,
  at TEXT NOT NULL,
  change_set INTEGER NOT NULL REFERENCES change_sets (id)
) STRICT;

CREATE UNIQUE INDEX problem_acknowledgements_warning
  ON problem_acknowledgements (table_name, ifnull(row_id, -1), rule, message);

-- The coordinate system becomes an EPSG code ("EPSG:26911"). A text that holds a code keeps only the
-- code (the name is drillbench's to show); the text it had is kept in the audit log. Texts without a
-- code stay as they are until the user sets one.
CREATE TEMP TABLE crs_code AS
  SELECT coordinate_system AS before,
         ltrim(substr(coordinate_system, instr(upper(coordinate_system), 'EPSG:') + 5)) AS rest
    FROM project
   WHERE id = 1 AND instr(upper(coordinate_system), 'EPSG:') > 0;

CREATE TEMP TABLE crs_change AS
  SELECT before,
         'EPSG:' || CASE
           WHEN rest GLOB '[0-9][0-9][0-9][0-9][0-9]' OR rest GLOB '[0-9][0-9][0-9][0-9][0-9][^0-9]*'
             THEN substr(rest, 1, 5)
           WHEN rest GLOB '[0-9][0-9][0-9][0-9]' OR rest GLOB '[0-9][0-9][0-9][0-9][^0-9]*'
             THEN substr(rest, 1, 4)
         END AS after
    FROM crs_code;

DELETE FROM crs_change WHERE after IS NULL OR after = before;

INSERT INTO change_sets (at, os_user, source, description)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'drillbench', 'migration',
         'Coordinate system stored as its EPSG code (schema 180)'
    FROM crs_change;

INSERT INTO audit_log (change_set, action, table_name, row_id, column_name, old_value, new_value)
  SELECT (SELECT max(id) FROM change_sets), 'update', 'project', 1, 'coordinate_system', before, after
    FROM crs_change;

UPDATE project SET coordinate_system = (SELECT after FROM crs_change)
 WHERE id = 1 AND EXISTS (SELECT 1 FROM crs_change);

DROP TABLE temp.crs_change;
DROP TABLE temp.crs_code;

-- Gap warnings are now a project setting whose default warns only inside a sampled run, and collars far
-- outside the project's extent are warned: stored problems of an upgraded project predate both, so it is
-- marked to be re-validated when opened for work (the same mark as migration 0160).
INSERT INTO project_settings (key, value)
  SELECT 'validation.recheck', 'schema 180: gap warnings setting, collars far outside the extent'
   WHERE EXISTS (SELECT 1 FROM holes)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
