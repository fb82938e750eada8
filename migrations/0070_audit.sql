-- Every change, grouped into change sets (one user action each: an edit, a paste, a delete, an import).
-- Undo and redo replay a change set's entries backwards or forwards.
CREATE TABLE change_sets (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  source TEXT NOT NULL,
  description TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone'))
) STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  change_set INTEGER NOT NULL REFERENCES change_sets (id),
  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'import')),
  table_name TEXT NOT NULL,
  row_id INTEGER,
  column_name TEXT,
  old_value ANY,
  new_value ANY
) STRICT;

CREATE INDEX audit_log_change_set ON audit_log (change_set);
CREATE INDEX audit_log_row ON audit_log (table_name, row_id);
