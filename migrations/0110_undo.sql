-- Undo and redo over the audit log. `undoable` marks the change sets of user edits that Ctrl+Z may take
-- back (imports and the demo are not); an undo or a redo is a change set of its own whose `replays`
-- names the change set it took back or re-applied.
ALTER TABLE change_sets ADD COLUMN undoable INTEGER NOT NULL DEFAULT 0 CHECK (undoable IN (0, 1));
ALTER TABLE change_sets ADD COLUMN replays INTEGER REFERENCES change_sets (id);

CREATE INDEX change_sets_undoable ON change_sets (id) WHERE undoable = 1;
CREATE INDEX change_sets_replays ON change_sets (replays) WHERE replays IS NOT NULL;
