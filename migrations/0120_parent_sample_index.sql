-- After an edit of a sample ID, only the field duplicates naming that ID as their parent are re-checked.
-- Partial: the many samples without a parent (every regular sample) cost nothing on a million-row import.
CREATE INDEX samples_parent_sample_id ON samples (parent_sample_id) WHERE parent_sample_id IS NOT NULL;
