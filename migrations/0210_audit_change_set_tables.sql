-- Undo in one grid takes back that grid's newest change: the newest change set with an audit entry in
-- the grid's table. Indexing the table name with the change set answers "did this change set touch
-- Holes?" without reading a large paste's entries; it replaces the index on the change set alone.
CREATE INDEX audit_log_change_set_table ON audit_log (change_set, table_name);
DROP INDEX audit_log_change_set;
