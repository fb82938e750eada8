// Accepting a warning with a note (issue 11): who, when and why, kept in the audit log. Only warnings can
// be acknowledged: an error (overlap, From not less than To, a depth past the end of hole) keeps its hole
// out of calculations, and a note does not make overlapping intervals fit to publish; fix the data.
import type { ProblemAcknowledgement } from '../../api/validation-types';
import {
  acknowledgementById,
  deleteAcknowledgement,
  insertAcknowledgement,
  problemForAcknowledgement,
} from '../../storage/acknowledgements-store';
import { beginChangeSet, createAuditWriter, type ChangeSource } from '../../storage/audit';
import type { Database } from '../../storage/project-db';
import { StorageError } from '../../storage/storage-error';

interface Who {
  osUser: string;
  source: ChangeSource;
}

export function acknowledgeWarning(
  db: Database,
  problemId: number,
  note: string,
  who: Who,
): ProblemAcknowledgement {
  const text = note.trim();
  if (text === '')
    throw new StorageError('refused', 'Say why the warning is acceptable: an acknowledgement needs a note.');
  return db.transaction(() => {
    const warning = problemForAcknowledgement(db, problemId);
    if (!warning) {
      throw new StorageError(
        'not-found',
        `Problem ${problemId} is no longer stored (the project was re-validated since); refresh the list and acknowledge it again.`,
      );
    }
    if (warning.severity !== 'warning') {
      throw new StorageError(
        'refused',
        `Only warnings can be acknowledged. "${warning.message}" is an error: it keeps hole ${warning.hole_id} out of calculations until the data is corrected.`,
      );
    }
    if (warning.acknowledgement !== null)
      throw new StorageError('conflict', `This warning is already acknowledged: ${warning.message}`);
    const at = new Date().toISOString();
    const changeSet = beginChangeSet(db, {
      ...who,
      description: `Acknowledge warning (${warning.rule}, hole ${warning.hole_id}): ${text}`,
    });
    const saved = {
      table_name: warning.table_name,
      row_id: warning.row_id,
      rule: warning.rule,
      message: warning.message,
      hole_id: warning.hole_id,
      note: text,
      os_user: who.osUser,
      at,
      change_set: changeSet,
    };
    const acknowledgement = insertAcknowledgement(db, saved);
    createAuditWriter(
      db,
      changeSet,
    )({
      action: 'insert',
      table: 'problem_acknowledgements',
      rowId: acknowledgement.id,
      column: null,
      oldValue: null,
      newValue: saved,
    });
    return acknowledgement;
  })();
}

/** Takes an acknowledgement back (the warning shows again), audited. */
export function withdrawAcknowledgement(db: Database, id: number, who: Who): void {
  db.transaction(() => {
    const saved = acknowledgementById(db, id);
    if (!saved) throw new StorageError('not-found', `There is no acknowledgement ${id}; refresh the list.`);
    const changeSet = beginChangeSet(db, {
      ...who,
      description: `Withdraw acknowledgement (${saved.rule}, hole ${saved.hole_id})`,
    });
    deleteAcknowledgement(db, id);
    createAuditWriter(
      db,
      changeSet,
    )({
      action: 'delete',
      table: 'problem_acknowledgements',
      rowId: id,
      column: null,
      oldValue: saved,
      newValue: null,
    });
  })();
}
