// The project's gap-warning settings (issue 11): which gaps between samples are warned, and the run break
// that separates one sampled run from the next. Kept in project_settings; a change is audited and the
// project is re-validated by the caller (a background job with progress).
import type { GapSettings } from '../../api/validation-types';
import { defaultRunBreak, GAP_MODES, type GapMode } from '../../domain/validation/rules';
import type { LengthUnit } from '../../domain/model';
import { beginChangeSet, createAuditWriter, type ChangeSource } from '../../storage/audit';
import type { Database } from '../../storage/project-db';
import { getSetting, setSetting } from '../../storage/settings-store';
import { StorageError } from '../../storage/storage-error';

export const GAP_MODE_KEY = 'validation.sample_gaps';
export const RUN_BREAK_KEY = 'validation.sample_run_break';

/**
 * The default is 'inside-runs': a geologist samples the mineralised part of a hole and leaves the rest,
 * so the gaps between those stretches are deliberate and warning each one buries the gap that matters,
 * a missing sample or lost core inside a stretch.
 */
export const DEFAULT_GAP_MODE: GapMode = 'inside-runs';

export function readGapSettings(db: Database, lengthUnit: LengthUnit): GapSettings {
  const storedMode = getSetting(db, GAP_MODE_KEY);
  const mode = (GAP_MODES as readonly string[]).includes(storedMode ?? '')
    ? (storedMode as GapMode)
    : DEFAULT_GAP_MODE;
  const storedBreak = Number(getSetting(db, RUN_BREAK_KEY) ?? NaN);
  const fallback = defaultRunBreak(lengthUnit);
  return {
    mode,
    runBreak: Number.isFinite(storedBreak) && storedBreak > 0 ? storedBreak : fallback,
    defaultMode: DEFAULT_GAP_MODE,
    defaultRunBreak: fallback,
    lengthUnit,
  };
}

/**
 * Saves new gap settings, audited as one change set (not undoable: Ctrl+Z takes back data edits).
 * Returns false, writing nothing, when nothing changes.
 */
export function saveGapSettings(
  db: Database,
  lengthUnit: LengthUnit,
  change: { mode?: GapMode; runBreak?: number },
  who: { osUser: string; source: ChangeSource },
): boolean {
  if (change.runBreak !== undefined && !(Number.isFinite(change.runBreak) && change.runBreak > 0)) {
    throw new StorageError(
      'refused',
      `The run break must be a length above 0 (in ${lengthUnit}); got ${change.runBreak}.`,
    );
  }
  const before = readGapSettings(db, lengthUnit);
  const writes: { key: string; before: string; after: string }[] = [];
  if (change.mode !== undefined && change.mode !== before.mode)
    writes.push({ key: GAP_MODE_KEY, before: before.mode, after: change.mode });
  if (change.runBreak !== undefined && change.runBreak !== before.runBreak)
    writes.push({ key: RUN_BREAK_KEY, before: String(before.runBreak), after: String(change.runBreak) });
  if (writes.length === 0) return false;
  db.transaction(() => {
    const changeSet = beginChangeSet(db, {
      ...who,
      description: `Gap warnings: ${writes.map((write) => `${write.key} = ${write.after}`).join(', ')}`,
    });
    const audit = createAuditWriter(db, changeSet);
    for (const write of writes) {
      audit({
        action: 'update',
        table: 'project_settings',
        rowId: null,
        column: write.key,
        oldValue: write.before,
        newValue: write.after,
      });
      setSetting(db, write.key, write.after);
    }
  })();
  return true;
}
