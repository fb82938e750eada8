// The paste report: the cells that failed their checks, each named by its row (sample ID, or hole and
// depths, as the user knows it, not a line of the block) and column, with its reason and text to correct.
// Esc cancels. Nothing is written until the user applies the corrected block, or accepts writing the good
// cells only (the bad ones then stay listed here).
import { useEffect, useMemo, useRef, useState } from 'react';
import { parseCell } from '../../domain/entry/grid-cells';
import type { GridController } from './entry-grid-context';
import type { PendingPaste } from './entry-paste';
import { focusableIn, useModalFocus } from './modal-focus';

export interface PasteDialogProps {
  pending: PendingPaste;
  controller: GridController;
  columnLabel: (column: string) => string;
  /** Applies the block (with the corrections made here); `goodOnly` skips the cells still bad. */
  onApply: (rows: string[][], goodOnly: boolean) => void;
  onClose: () => void;
  busy: boolean;
}

export function PasteDialog({ pending, controller, columnLabel, onApply, onClose, busy }: PasteDialogProps) {
  const [fixes, setFixes] = useState<Map<string, string>>(new Map());
  const dialogRef = useRef<HTMLDivElement>(null);
  useModalFocus(dialogRef, { onEscape: onClose });
  // The keyboard starts on the first text to correct (or the first button).
  useEffect(() => {
    if (dialogRef.current) focusableIn(dialogRef.current)[0]?.focus();
  }, []);
  const { result } = pending;
  const applied = result.applied;
  const rows = useMemo(() => {
    if (fixes.size === 0) return pending.rows;
    const copy = pending.rows.map((row) => [...row]);
    for (const [key, text] of fixes) {
      const [r, c] = key.split(':').map(Number);
      if (copy[r!] && c! >= 0) copy[r!]![c!] = text;
    }
    return copy;
  }, [pending.rows, fixes]);
  const stillBad = result.bad.filter((cell) => {
    const text = fixes.get(`${cell.row}:${cell.col}`);
    if (text === undefined || cell.col < 0 || cell.column === '') return true;
    return !parseCell(controller.table, cell.column, text, controller.cells).ok;
  }).length;
  return (
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby="paste-title"
        className="dialog paste-dialog"
      >
        <h2 id="paste-title">
          {applied ? 'Pasted, with cells left out' : 'Some pasted cells cannot be used'}
        </h2>
        <p>
          {applied
            ? `${result.cells.toLocaleString('en')} cells were written${result.newRows > 0 ? ` (${result.newRows} new rows)` : ''}. These ${result.badTotal.toLocaleString('en')} were left out:`
            : `${result.badTotal.toLocaleString('en')} of the pasted cells cannot be used, so nothing was written yet. Correct them below and apply, or write only the ${result.cells.toLocaleString('en')} good cells.`}
        </p>
        <div className="paste-list">
          <table className="problem-table">
            <thead>
              <tr>
                <th>Row</th>
                <th>Column</th>
                <th>Pasted text</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {result.bad.map((cell) => {
                const key = `${cell.row}:${cell.col}`;
                const fixable = !applied && cell.col >= 0 && cell.column !== '';
                const text = fixes.get(key) ?? cell.text;
                const fixedProblem =
                  fixes.has(key) && fixable
                    ? parseCell(controller.table, cell.column, text, controller.cells)
                    : null;
                return (
                  <tr key={key} className={fixedProblem?.ok ? 'fixed' : 'error'}>
                    <td title={`Line ${cell.row + pending.firstLine} of the pasted block`}>{cell.label}</td>
                    <td>{cell.column ? columnLabel(cell.column) : '(none)'}</td>
                    <td>
                      {fixable ? (
                        <input
                          aria-label={`Correct ${cell.label} ${columnLabel(cell.column)}`}
                          value={text}
                          onChange={(event) => setFixes(new Map(fixes).set(key, event.target.value))}
                        />
                      ) : (
                        <code>{cell.text}</code>
                      )}
                    </td>
                    <td>
                      {fixedProblem ? (fixedProblem.ok ? 'Corrected' : fixedProblem.message) : cell.message}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {result.badTotal > result.bad.length && (
            <p>... and {(result.badTotal - result.bad.length).toLocaleString('en')} more.</p>
          )}
        </div>
        <div className="dialog-buttons">
          {applied ? (
            <button type="button" onClick={onClose}>
              Close
            </button>
          ) : (
            <>
              <button type="button" disabled={busy || stillBad > 0} onClick={() => onApply(rows, false)}>
                Apply corrected block
              </button>
              <button type="button" disabled={busy} onClick={() => onApply(rows, true)}>
                Write the good cells only
              </button>
              <button type="button" disabled={busy} onClick={onClose}>
                Cancel paste
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
