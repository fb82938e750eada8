// Cell editors for the grids: a text editor and a dropdown for coded fields. Both start from the key that
// began the edit (typing replaces the cell, as in a spreadsheet), reopen with refused text so nothing
// typed is lost, and check the value as the server will, so Enter and Tab are held on a bad value.
import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { datePlaceholder } from '../../domain/date-input';
import { cellText, fieldOfColumn } from '../../domain/entry/grid-cells';
import type { PageRow } from '../../api/types';
import { cellKey, refusal, type GridController } from './entry-grid-context';
import { dateEntryHint } from './locale-dates';

type EditorProps = CustomCellEditorProps<PageRow, unknown, GridController>;

function columnOf(props: EditorProps): string {
  return props.column.getColId();
}

/** The text an edit starts from: a refused value to correct, the typed key, or the cell's text. */
function startText(props: EditorProps): { text: string; reopened: boolean; message?: string } {
  const controller = props.context;
  const key = cellKey(props.data.id, columnOf(props));
  const reopened = controller.reopenText.get(key);
  if (reopened !== undefined) {
    controller.reopenText.delete(key);
    return { text: reopened.text, reopened: true, message: reopened.message };
  }
  const typed = props.eventKey;
  if (typed === 'Backspace' || typed === 'Delete') return { text: '', reopened: false };
  if (typed && typed.length === 1) return { text: typed, reopened: false };
  return { text: cellText(props.initialValue), reopened: false };
}

/** Registers the open editor with the controller, for the Enter and Tab checks, and passes its value on. */
function useOpenEditor(props: EditorProps, text: string): void {
  const controller = props.context;
  const current = useRef(text);
  current.current = text;
  useEffect(() => {
    const editor = { rowId: props.data.id, column: columnOf(props), text: () => current.current };
    controller.editor = editor;
    return () => {
      if (controller.editor === editor) controller.editor = null;
    };
    // The editor lives for one cell: register once.
  }, []);
  useEffect(() => {
    props.onValueChange(text);
    // onValueChange is stable for the editor's life.
  }, [text]);
}

export function TextCellEditor(props: EditorProps) {
  const [start] = useState(() => startText(props));
  const [text, setText] = useState(start.text);
  // A refused value shows its reason at once; otherwise only once the user tries to leave the cell, so a
  // half-typed number is not called wrong.
  const [shown, setShown] = useState(start.reopened);
  const input = useRef<HTMLInputElement>(null);
  const controller = props.context;
  // The server's reason for a reopened value stands until the text is changed.
  const problem =
    refusal(controller, columnOf(props), text) ?? (text === start.text ? (start.message ?? null) : null);
  useOpenEditor(props, text);
  useLayoutEffect(() => {
    const element = input.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);
  useEffect(() => {
    if (shown) controller.report(problem);
  }, [problem, shown, controller]);
  const listId = columnOf(props) === 'hole_id' && controller.table !== 'holes' ? 'entry-hole-ids' : undefined;
  const dateOrder =
    fieldOfColumn(controller.table, columnOf(props))?.kind === 'date'
      ? controller.cells.dateOrder
      : undefined;
  return (
    <input
      ref={input}
      className={problem && shown ? 'cell-input invalid' : 'cell-input'}
      value={text}
      list={listId}
      aria-label={`Edit ${props.colDef.headerName ?? columnOf(props)}`}
      aria-invalid={problem !== null && shown}
      placeholder={dateOrder && datePlaceholder(dateOrder)}
      title={shown && problem ? problem : dateOrder && dateEntryHint(dateOrder)}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === 'Tab') setShown(true);
      }}
    />
  );
}

/** A dropdown of the codes of a lookup list (or a field's fixed choices), blank first when optional. */
export function CodeCellEditor(props: EditorProps & { choices: readonly string[]; optional: boolean }) {
  const [initial] = useState(() => {
    const start = startText(props);
    const options = props.optional ? ['', ...props.choices] : [...props.choices];
    // A typed letter picks the first code starting with it.
    if (!start.reopened && start.text.length === 1 && props.eventKey === start.text) {
      return options.find((code) => code.toLowerCase().startsWith(start.text.toLowerCase())) ?? start.text;
    }
    return start.text;
  });
  const [text, setText] = useState(initial);
  const select = useRef<HTMLSelectElement>(null);
  useOpenEditor(props, text);
  useLayoutEffect(() => select.current?.focus(), []);
  const options = props.optional ? ['', ...props.choices] : [...props.choices];
  const listed = options.includes(text) ? options : [text, ...options];
  return (
    <select
      ref={select}
      className="cell-input"
      value={text}
      aria-label={`Choose ${props.colDef.headerName ?? columnOf(props)}`}
      onChange={(event) => setText(event.target.value)}
    >
      {listed.map((code) => (
        <option key={code} value={code}>
          {code === '' ? '(blank)' : code}
        </option>
      ))}
    </select>
  );
}
