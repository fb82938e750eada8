// Undo and redo of one view: Ctrl+Z (or the Undo button) takes back the newest change to the view's own
// table, Ctrl+Y (Ctrl+Shift+Z) puts it again, and the buttons' tooltips say which change that is before
// anything happens ("Undo the last change to Holes: Edit Dip of Hole EUG-10-033").
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditHistory, ReplayResult } from '../../api/entry-types';
import { UNDO_SCOPE_LABELS, type UndoScope } from '../../domain/entry/undo-scope';
import type { DataTable } from '../../domain/model';
import { api } from '../api/api-client';

export type ReplayDirection = 'undo' | 'redo';

export interface ViewUndo {
  scope: UndoScope;
  history: EditHistory | null;
  /** Reads the stacks again (after any write). */
  refresh(): void;
  replay(direction: ReplayDirection): Promise<void>;
}

export interface ViewUndoEvents {
  /** The change was taken back or put again; `message` says which, for the view's notice. */
  onReplayed(result: ReplayResult, message: string): void;
  onError(error: unknown): void;
}

/** "Undone: Edit Dip of Hole EUG-10-033." plus the other views a change reached (a hole's samples). */
export function replayMessage(scope: UndoScope, direction: ReplayDirection, result: ReplayResult): string {
  const others = result.tables.filter((table: DataTable) => table !== scope);
  const reach =
    others.length > 0
      ? ` It also changed ${others.map((table) => UNDO_SCOPE_LABELS[table]).join(', ')}.`
      : '';
  return `${direction === 'undo' ? 'Undone' : 'Redone'}: ${result.replayed.description}.${reach}`;
}

export function useViewUndo(scope: UndoScope, events: ViewUndoEvents): ViewUndo {
  const [history, setHistory] = useState<EditHistory | null>(null);
  const latest = useRef(events);
  latest.current = events;

  const refresh = useCallback(() => {
    api['edit.history']({ scope }).then(setHistory, () => setHistory(null));
  }, [scope]);
  useEffect(refresh, [refresh]);

  const replay = useCallback(
    async (direction: ReplayDirection) => {
      try {
        const result = await (direction === 'undo'
          ? api['edit.undo']({ scope })
          : api['edit.redo']({ scope }));
        latest.current.onReplayed(result, replayMessage(scope, direction, result));
      } catch (error) {
        latest.current.onError(error);
      } finally {
        refresh();
      }
    },
    [scope, refresh],
  );

  // The keys answer anywhere in the window while the view is shown, except in a text box (where Ctrl+Z
  // undoes typing) and in a dialog.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey)) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, [role="dialog"], [role="alertdialog"]')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void replay('undo');
      } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
        event.preventDefault();
        void replay('redo');
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [replay]);

  return { scope, history, refresh, replay };
}

/** The Undo and Redo buttons, naming the change each would make. */
export function UndoButtons({ undo }: { undo: ViewUndo }) {
  const label = UNDO_SCOPE_LABELS[undo.scope];
  const { history } = undo;
  return (
    <>
      <button
        type="button"
        disabled={!history?.undo}
        title={
          history?.undo
            ? `Undo the last change to ${label}: ${history.undo.description} (Ctrl+Z)`
            : `Nothing to undo in ${label}`
        }
        onClick={() => void undo.replay('undo')}
      >
        Undo
      </button>
      <button
        type="button"
        disabled={!history?.redo}
        title={
          history?.redo
            ? `Redo in ${label}: ${history.redo.description} (Ctrl+Y)`
            : `Nothing to redo in ${label}`
        }
        onClick={() => void undo.replay('redo')}
      >
        Redo
      </button>
    </>
  );
}
