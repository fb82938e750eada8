// The grid's column chooser (a Columns button with a list of every column to show or hide, find by name,
// and set the decimals of), the menu a right-click on a column header opens, and the note that says how
// many empty analyte columns are hidden. AG Grid's own tool panel is Enterprise; this is ours.
import { useEffect, useRef, useState } from 'react';
import { MAX_DISPLAY_DECIMALS } from '../../domain/entry/display-precision';
import type { ColumnEntry, GridColumns } from './column-state';

const DECIMAL_CHOICES = Array.from({ length: MAX_DISPLAY_DECIMALS + 1 }, (_, n) => n);

/** Closes a popup on Escape or a click outside it. */
function useDismiss(open: boolean, box: React.RefObject<HTMLElement | null>, close: () => void): void {
  const latest = useRef(close);
  latest.current = close;
  useEffect(() => {
    if (!open) return;
    function onPointer(event: PointerEvent) {
      if (box.current && !box.current.contains(event.target as Node)) latest.current();
    }
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape') latest.current();
    }
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, box]);
}

function DecimalsSelect(props: { entry: ColumnEntry; onChange: (decimals: number | null) => void }) {
  const { entry } = props;
  return (
    <select
      aria-label={`Decimals of ${entry.label}`}
      value={entry.decimals === null ? '' : String(entry.decimals)}
      onChange={(event) => props.onChange(event.target.value === '' ? null : Number(event.target.value))}
    >
      <option value="">as imported</option>
      {DECIMAL_CHOICES.map((n) => (
        <option key={n} value={n}>
          {n === 1 ? '1 decimal' : `${n} decimals`}
        </option>
      ))}
    </select>
  );
}

export function ColumnChooser({ columns }: { columns: GridColumns }) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const box = useRef<HTMLDivElement>(null);
  useDismiss(open, box, () => setOpen(false));
  const entries = open ? columns.entries() : [];
  const wanted = search.trim().toLowerCase();
  const listed = wanted
    ? entries.filter((e) => `${e.label} ${e.tooltip}`.toLowerCase().includes(wanted))
    : entries;
  const hidden = entries.filter((entry) => entry.hidden).length;
  return (
    <div className="column-chooser" ref={box}>
      <button
        type="button"
        aria-expanded={open}
        aria-haspopup="dialog"
        title="Show, hide and set the decimals of the columns"
        onClick={() => setOpen(!open)}
      >
        Columns
      </button>
      {open && (
        <div className="column-popover" role="dialog" aria-label="Columns">
          <input
            type="search"
            placeholder="Find a column"
            aria-label="Find a column"
            value={search}
            autoFocus
            onChange={(event) => setSearch(event.target.value)}
          />
          <p className="hint">
            {entries.length} columns, {hidden} hidden. Drag a header to move a column, its edge to resize it;
            the project remembers both.
          </p>
          <ul className="column-list">
            {listed.map((entry) => (
              <li key={entry.id} title={entry.tooltip}>
                <label>
                  <input
                    type="checkbox"
                    checked={!entry.hidden}
                    onChange={(event) => columns.setVisible(entry.id, event.target.checked)}
                  />{' '}
                  {entry.label}
                  {entry.empty && <span className="hint"> no results in this view</span>}
                </label>
                {entry.numeric && (
                  <DecimalsSelect entry={entry} onChange={(d) => columns.setDecimals(entry.id, d)} />
                )}
              </li>
            ))}
            {listed.length === 0 && <li className="hint">No column matches “{search}”.</li>}
          </ul>
          <div className="dialog-buttons">
            <button type="button" onClick={() => columns.showAll()}>
              Show all
            </button>
            <button
              type="button"
              title="Default order and visibility, sized to fit, numbers as imported"
              onClick={() => columns.reset()}
            >
              Reset columns
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** Right-click on a column header: decimals, hide, size to fit. */
export function ColumnMenu({ columns }: { columns: GridColumns }) {
  const box = useRef<HTMLDivElement>(null);
  const menu = columns.menu;
  useDismiss(menu !== null, box, columns.closeMenu);
  if (!menu) return null;
  const entry = columns.entries().find((candidate) => candidate.id === menu.columnId);
  if (!entry) return null;
  const act = (run: () => void) => () => {
    run();
    columns.closeMenu();
  };
  return (
    <div
      ref={box}
      className="column-popover column-menu"
      role="menu"
      aria-label={`Column ${entry.label}`}
      style={{ left: menu.x, top: menu.y }}
    >
      <strong>{entry.label}</strong>
      {entry.numeric && (
        <div role="group" aria-label="Decimals shown">
          <button
            type="button"
            role="menuitemradio"
            aria-checked={entry.decimals === null}
            onClick={act(() => columns.setDecimals(entry.id, null))}
          >
            As imported
          </button>
          {DECIMAL_CHOICES.map((n) => (
            <button
              key={n}
              type="button"
              role="menuitemradio"
              aria-checked={entry.decimals === n}
              onClick={act(() => columns.setDecimals(entry.id, n))}
            >
              {n === 1 ? '1 decimal' : `${n} decimals`}
            </button>
          ))}
        </div>
      )}
      <button type="button" role="menuitem" onClick={act(() => columns.sizeToFit(entry.id))}>
        Size to fit
      </button>
      <button type="button" role="menuitem" onClick={act(() => columns.setVisible(entry.id, false))}>
        Hide column
      </button>
    </div>
  );
}

/** "3 analyte columns with no results here are hidden. Show them" */
export function EmptyColumnsNote({ columns }: { columns: GridColumns }) {
  const byDefault = columns.emptyByDefault;
  if (byDefault === 0) return null;
  const showing = columns.layout.showEmptyAnalytes === true;
  const count = byDefault === 1 ? '1 analyte column' : `${byDefault} analyte columns`;
  const verb = byDefault === 1 ? 'is' : 'are';
  return (
    <p className="column-note">
      {showing
        ? `Showing ${count} with no results in this view. `
        : `${count} with no results in this view ${verb} hidden. `}
      <button type="button" className="link-button" onClick={() => columns.setShowEmpty(!showing)}>
        {showing ? 'Hide them' : 'Show them'}
      </button>
    </p>
  );
}
