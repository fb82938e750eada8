// The lookup lists behind the grids' dropdowns (lithology codes, hole types, survey methods): add a code,
// rename it (the rows using it follow), describe it, colour a lithology code for strip logs, or delete it.
// A code still in use cannot be deleted; the refusal says how many rows use it. Undo and redo here take
// back changes to the lists.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { LookupListInfo, ProjectStatus } from '../../api/entry-types';
import type { DataTable } from '../../domain/model';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import './hole-view.css';
import { UndoButtons, useViewUndo } from './view-undo';

const TABLE_LABELS: Record<DataTable, string> = {
  holes: 'Holes',
  surveys: 'Surveys',
  samples: 'Samples and assays',
  lithology: 'Lithology',
};

interface Editing {
  code: string;
  newCode: string;
  description: string;
  /** The stored colour; null for the default one. */
  colour: string | null;
  shownColour: string;
}

/** Lists whose codes are drawn in colour (strip logs, sections). */
const COLOURED_LISTS = new Set(['lithology']);

export function LookupListsView({ onStatus }: { onStatus?: (status: ProjectStatus) => void }) {
  const [lists, setLists] = useState<LookupListInfo[]>([]);
  const [selected, setSelected] = useState('lithology');
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [newCode, setNewCode] = useState('');
  const [newDescription, setNewDescription] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);

  const fail = (error: unknown) => setNotice({ kind: 'error', text: describeError(error) });
  // Ctrl+Z here takes back the newest change to the lists (a rename takes its rows back with it).
  const undo = useViewUndo('lookups', {
    onReplayed: (result, message) => {
      onStatus?.(result.status);
      setNotice({ kind: 'info', text: message });
      api['lookups.lists']({}).then(setLists, fail);
    },
    onError: fail,
  });
  const refreshUndo = undo.refresh;

  const changed = useCallback(
    (next: LookupListInfo[], text: string) => {
      setLists(next);
      setNotice({ kind: 'info', text });
      refreshUndo();
      api['project.status']({}).then(
        (status) => onStatus?.(status),
        () => undefined,
      );
    },
    [onStatus, refreshUndo],
  );

  useEffect(() => {
    api['lookups.lists']({}).then(setLists, fail);
  }, []);

  const list = lists.find((entry) => entry.list === selected) ?? lists[0];
  const coloured = list !== undefined && COLOURED_LISTS.has(list.list);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!list) return;
    try {
      const next = await api['lookups.add']({
        list: list.list,
        code: newCode,
        description: newDescription || null,
      });
      changed(next, `Added ${newCode.trim()} to ${list.label}.`);
      setNewCode('');
      setNewDescription('');
    } catch (error) {
      fail(error);
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!list || !editing) return;
    try {
      const next = await api['lookups.update']({
        list: list.list,
        code: editing.code,
        newCode: editing.newCode !== editing.code ? editing.newCode : undefined,
        description: editing.description === '' ? null : editing.description,
        ...(coloured ? { colour: editing.colour } : {}),
      });
      changed(
        next,
        editing.newCode !== editing.code
          ? `Renamed ${editing.code} to ${editing.newCode} in every row using it.`
          : `Saved ${editing.code}.`,
      );
      setEditing(null);
    } catch (error) {
      fail(error);
    }
  }

  async function remove(code: string) {
    if (!list) return;
    try {
      changed(await api['lookups.delete']({ list: list.list, code }), `Deleted ${code} from ${list.label}.`);
    } catch (error) {
      fail(error);
    }
  }

  return (
    <section className="lookup-view" aria-label="Lookup lists">
      <header className="view-header">
        <h1>Lookup lists</h1>
        <label>
          List{' '}
          <select value={list?.list ?? ''} onChange={(event) => setSelected(event.target.value)}>
            {lists.map((entry) => (
              <option key={entry.list} value={entry.list}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
        {list && list.usedBy.length > 0 && (
          <span className="hint">
            Used in: {list.usedBy.map((use) => `${TABLE_LABELS[use.table]}, column ${use.label}`).join('; ')}
          </span>
        )}
        <UndoButtons undo={undo} />
      </header>
      {notice && (
        <div
          role={notice.kind === 'error' ? 'alert' : 'status'}
          className={notice.kind === 'error' ? 'notice error' : 'notice'}
        >
          {notice.text}
        </div>
      )}
      {list && (
        <form onSubmit={save}>
          <table className="problem-table lookup-table">
            <thead>
              <tr>
                <th>Code</th>
                <th>Description</th>
                {coloured && <th>Colour</th>}
                <th>Rows using it</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.codes.map((code) =>
                editing?.code === code.code ? (
                  // Its own key: reusing the row's DOM would turn the clicked Edit button into Save
                  // (type submit) while the click is still being handled, and submit at once.
                  <tr key={`editing:${code.code}`}>
                    <td>
                      <input
                        aria-label="Code"
                        value={editing.newCode}
                        onChange={(event) => setEditing({ ...editing, newCode: event.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label="Description"
                        value={editing.description}
                        onChange={(event) => setEditing({ ...editing, description: event.target.value })}
                      />
                    </td>
                    {coloured && (
                      <td className="colour-cell">
                        <input
                          type="color"
                          aria-label={`Colour of ${code.code}`}
                          value={editing.colour ?? editing.shownColour}
                          onChange={(event) => setEditing({ ...editing, colour: event.target.value })}
                        />{' '}
                        <button
                          type="button"
                          disabled={editing.colour === null}
                          title="Go back to the colour drillbench picks for this code"
                          onClick={() => setEditing({ ...editing, colour: null })}
                        >
                          Default
                        </button>
                      </td>
                    )}
                    <td>{code.uses.toLocaleString('en')}</td>
                    <td>
                      <button type="submit">Save</button>{' '}
                      <button type="button" onClick={() => setEditing(null)}>
                        Cancel
                      </button>
                    </td>
                  </tr>
                ) : (
                  <tr key={code.code}>
                    <td>{code.code}</td>
                    <td>{code.description ?? ''}</td>
                    {coloured && (
                      <td className="colour-cell">
                        <span
                          className="colour-swatch"
                          role="img"
                          aria-label={`${code.code} colour ${code.shownColour}${code.colour ? '' : ' (default)'}`}
                          style={{ background: code.shownColour }}
                        />{' '}
                        <span className="hint">{code.colour ? code.shownColour : 'default'}</span>
                      </td>
                    )}
                    <td>{code.uses.toLocaleString('en')}</td>
                    <td>
                      <button
                        type="button"
                        onClick={() =>
                          setEditing({
                            code: code.code,
                            newCode: code.code,
                            description: code.description ?? '',
                            colour: code.colour,
                            shownColour: code.shownColour,
                          })
                        }
                      >
                        Edit
                      </button>{' '}
                      <button
                        type="button"
                        aria-label={`Delete ${code.code}`}
                        onClick={() => void remove(code.code)}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </form>
      )}
      {list && (
        <form className="lookup-add" onSubmit={add}>
          <input
            aria-label="New code"
            placeholder="New code"
            value={newCode}
            onChange={(event) => setNewCode(event.target.value)}
          />
          <input
            aria-label="New code description"
            placeholder="Description"
            value={newDescription}
            onChange={(event) => setNewDescription(event.target.value)}
          />
          <button type="submit" disabled={newCode.trim() === ''}>
            Add code
          </button>
        </form>
      )}
    </section>
  );
}
