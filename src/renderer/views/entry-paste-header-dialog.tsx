// Asked when a pasted block's first row names its columns: shows which grid column each pasted column
// goes to (changeable, or left out with the reason), where the rows go, and pastes by those names, or
// pastes the block as copied, names included, at the focused cell. Nothing is written before a choice.
import { useEffect, useRef, useState } from 'react';
import { doubleTargets } from '../../domain/entry/paste-header';
import type { HeaderPaste, HeaderPlacement } from './entry-paste';
import { useModalFocus } from './modal-focus';

export interface PasteHeaderDialogProps {
  paste: HeaderPaste;
  /** Every column a value can be pasted into, in grid order. */
  editable: readonly string[];
  columnLabel: (column: string) => string;
  busy: boolean;
  onPasteByHeader: (targets: (string | null)[], placement: HeaderPlacement) => void;
  onPasteAsCopied: () => void;
  onCancel: () => void;
}

const LEAVE_OUT = '';

export function PasteHeaderDialog(props: PasteHeaderDialogProps) {
  const { paste, columnLabel } = props;
  const dialogRef = useRef<HTMLDivElement>(null);
  const byNames = useRef<HTMLButtonElement>(null);
  useModalFocus(dialogRef, { onEscape: props.onCancel });
  // After the trap has noted where focus was (the grid cell), so it goes back there on closing.
  useEffect(() => byNames.current?.focus(), []);
  const [targets, setTargets] = useState<(string | null)[]>(() =>
    paste.mapping.columns.map((column) => column.column),
  );
  const [placement, setPlacement] = useState<HeaderPlacement>(paste.atFocus ? 'focused' : 'end');
  const dataRows = paste.rows.length - 1;
  const twice = doubleTargets(targets);
  const none = targets.every((column) => column === null);
  // In an empty view (or with no cell focused) the focused row and the end are the same place.
  const bothPlaces = paste.atFocus !== null && paste.atFocus.startIndex < paste.atEnd.startIndex;
  return (
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby="paste-header-title"
        aria-describedby="paste-header-text"
        className="dialog paste-dialog"
      >
        <h2 id="paste-header-title">The pasted block starts with column names</h2>
        <p id="paste-header-text">
          Its first row names the columns, and {dataRows.toLocaleString('en')} row{dataRows === 1 ? '' : 's'}{' '}
          follow. Pasting by column names puts each pasted column in the grid column it names, whichever cell
          is focused, and leaves the names row out. Check where each one goes:
        </p>
        {paste.mapping.problem && (
          <p role="alert" className="form-error">
            {paste.mapping.problem}
          </p>
        )}
        <div className="paste-list">
          <table className="problem-table">
            <thead>
              <tr>
                <th>Pasted column</th>
                <th>Goes to</th>
                <th>Note</th>
              </tr>
            </thead>
            <tbody>
              {paste.mapping.columns.map((column, index) => {
                const target = targets[index] ?? null;
                const note =
                  target === null
                    ? (column.reason ?? 'Left out.')
                    : target !== column.column
                      ? 'Chosen here.'
                      : '';
                return (
                  <tr key={column.index} className={target === null ? 'error' : undefined}>
                    <td>
                      <code>{column.header}</code>
                    </td>
                    <td>
                      <select
                        aria-label={`Column for "${column.header}"`}
                        value={target ?? LEAVE_OUT}
                        onChange={(event) => {
                          const value = event.target.value === LEAVE_OUT ? null : event.target.value;
                          setTargets((current) => current.map((old, at) => (at === index ? value : old)));
                        }}
                      >
                        <option value={LEAVE_OUT}>(leave out)</option>
                        {props.editable.map((id) => (
                          <option key={id} value={id}>
                            {columnLabel(id)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>{note}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {bothPlaces && (
          <fieldset className="paste-placement">
            <legend>Rows</legend>
            <label>
              <input
                type="radio"
                name="paste-placement"
                checked={placement === 'focused'}
                onChange={() => setPlacement('focused')}
              />{' '}
              Over the rows from the focused one down, as a paste at the cursor (rows past the last are added)
            </label>
            <label>
              <input
                type="radio"
                name="paste-placement"
                checked={placement === 'end'}
                onChange={() => setPlacement('end')}
              />{' '}
              As {dataRows.toLocaleString('en')} new row{dataRows === 1 ? '' : 's'} after the last row
            </label>
          </fieldset>
        )}
        {twice.length > 0 && (
          <p role="alert" className="form-error">
            Two pasted columns go to {twice.map(columnLabel).join(', ')}: choose another column for one of
            them, or leave it out.
          </p>
        )}
        <div className="dialog-buttons">
          <button
            type="button"
            ref={byNames}
            disabled={props.busy || twice.length > 0 || none}
            onClick={() =>
              props.onPasteByHeader(targets, bothPlaces ? placement : paste.atFocus ? 'focused' : 'end')
            }
          >
            Paste by column names
          </button>
          <button
            type="button"
            disabled={props.busy || paste.atFocus === null}
            title={
              paste.atFocus === null
                ? 'Click the cell where the block should start first'
                : 'Paste every row, the names too, at the focused cell'
            }
            onClick={props.onPasteAsCopied}
          >
            Paste as copied
          </button>
          <button type="button" disabled={props.busy} onClick={props.onCancel}>
            Cancel paste
          </button>
        </div>
      </div>
    </div>
  );
}
