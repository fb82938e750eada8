// The form for new rows: holes with their collar fields, or interval, survey and lithology rows of a hole.
// It is a modal dialog a logger can drive by keyboard alone: typing starts in the same field for every
// row, Enter adds the row and moves the form on to the next one at once (From is the last To), Tab stays
// inside the form, Esc closes it without writing. Values are checked as they are typed (the server
// repeats the checks).
import { useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AnalyteRow } from '../../api/types';
import { analyteColumnId, fieldColumnId, parseCell } from '../../domain/entry/grid-cells';
import { dateHint, datePlaceholder } from '../../domain/date-input';
import { addedRowLabel, nextRowValues, startField } from '../../domain/entry/next-row';
import type { DataTable, LengthUnit } from '../../domain/model';
import { TABLE_FIELDS } from '../../domain/table-fields';
import { unitSuffix } from './entry-columns';
import type { GridController } from './entry-grid-context';
import { dateEntryHint } from './locale-dates';
import { useModalFocus } from './modal-focus';

export interface RowFormProps {
  table: DataTable;
  title: string;
  initial: Record<string, string>;
  analytes: readonly AnalyteRow[];
  lengthUnit: LengthUnit;
  controller: GridController;
  /** Interval tables: after adding, start the next interval where this one ended. */
  chain: boolean;
  error: string | null;
  busy: boolean;
  /** Adds the row; false when the server refused it (the reason arrives as `error`). */
  onSubmit: (values: Record<string, string>) => Promise<boolean>;
  onClose: () => void;
}

interface FormColumn {
  id: string;
  label: string;
  field: (typeof TABLE_FIELDS)[DataTable][number] | undefined;
}

const inputId = (column: string) => `new-${column}`;

/** What was typed for the next row while the previous one was being added, named so nothing is lost. */
function typedAhead(
  columns: readonly FormColumn[],
  prepared: Record<string, string>,
  now: Record<string, string>,
): string | null {
  const changed = columns.filter((column) => (now[column.id] ?? '') !== (prepared[column.id] ?? ''));
  if (changed.length === 0) return null;
  return changed.map((column) => `${column.label} "${now[column.id] ?? ''}"`).join(', ');
}

export function RowForm(props: RowFormProps) {
  const { table, controller } = props;
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<string, string>>(props.initial);
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [added, setAdded] = useState<string | null>(null);
  const [setAside, setSetAside] = useState<string | null>(null);
  // Which field takes the keyboard, renewed after every row so focus lands there each time.
  const [focusTurn, setFocusTurn] = useState({ field: startField(table, props.initial), turn: 0 });
  const sending = useRef(false);
  useModalFocus(formRef, { onEscape: props.onClose });

  useLayoutEffect(() => {
    const element = document.getElementById(inputId(focusTurn.field));
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) return;
    element.focus();
    // A suggested value (the next To) is selected, so typing replaces it.
    if (element instanceof HTMLInputElement) element.select();
  }, [focusTurn]);

  const columns: FormColumn[] = [
    ...TABLE_FIELDS[table].map((field) => ({
      id: fieldColumnId(field),
      label: field.label + unitSuffix(field, props.lengthUnit),
      field,
    })),
    ...(table === 'samples'
      ? props.analytes.map((analyte) => ({
          id: analyteColumnId(analyte.code),
          label: `${analyte.code} (${analyte.unit})`,
          field: undefined,
        }))
      : []),
  ];
  const problemOf = (column: string, from: Record<string, string>) => {
    const parsed = parseCell(table, column, from[column] ?? '', controller.cells);
    return parsed.ok ? null : parsed.message;
  };
  const problems = columns.map((column) => problemOf(column.id, values));

  async function submit(event: FormEvent) {
    event.preventDefault();
    // One row at a time: an Enter while the last one is still being added waits for the next Enter.
    if (sending.current) return;
    const submitted = valuesRef.current;
    const firstBad = columns.find((column) => problemOf(column.id, submitted) !== null);
    if (firstBad) {
      setTouched(new Set(columns.map((column) => column.id)));
      setFocusTurn((focus) => ({ field: firstBad.id, turn: focus.turn + 1 }));
      return;
    }
    const filled = Object.fromEntries(Object.entries(submitted).filter(([, text]) => text.trim() !== ''));
    // Move on to the next row before the server answers, so keys typed meanwhile go into it.
    const next = nextRowValues(table, submitted);
    sending.current = true;
    setValues(next);
    setTouched(new Set());
    setSetAside(null);
    setFocusTurn((focus) => ({ field: startField(table, next), turn: focus.turn + 1 }));
    const ok = await props.onSubmit(filled);
    sending.current = false;
    if (ok) {
      setAdded(`Added ${addedRowLabel(table, filled)}.`);
      return;
    }
    // Refused: back to that row to correct it; what was typed for the next row is named, not dropped.
    setSetAside(typedAhead(columns, next, valuesRef.current));
    setAdded(null);
    setValues(submitted);
    setFocusTurn((focus) => ({ field: startField(table, submitted), turn: focus.turn + 1 }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    // Enter in a dropdown adds the row too, as it does in a text field.
    if (event.key === 'Enter' && event.target instanceof HTMLSelectElement) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  return (
    <div className="dialog-backdrop">
      <form
        ref={formRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby="row-form-title"
        aria-describedby="row-form-keys"
        aria-busy={props.busy}
        className="dialog row-form"
        onSubmit={(event) => void submit(event)}
        onKeyDown={onKeyDown}
      >
        <h2 id="row-form-title">{props.title}</h2>
        <p id="row-form-keys" className="hint">
          Enter adds the row and starts the next; Tab moves between fields; Esc closes.
        </p>
        {props.error && (
          <p role="alert" className="form-error">
            {props.error}
            {setAside && ` Typed for the next row and set aside: ${setAside}.`}
          </p>
        )}
        <p role="status" className="form-added">
          {added ?? ''}
        </p>
        <div className="form-grid">
          {columns.map((column, index) => {
            const field = column.field;
            const dateOrder = field?.kind === 'date' ? controller.cells.dateOrder : undefined;
            const choices =
              field?.choices ?? (field?.lookup ? controller.codes.get(field.lookup) : undefined);
            const problem = touched.has(column.id) ? problems[index] : null;
            const set = (text: string) => setValues((current) => ({ ...current, [column.id]: text }));
            const common = {
              id: inputId(column.id),
              'aria-invalid': problem !== null,
              onBlur: () => setTouched((current) => new Set(current).add(column.id)),
            };
            return (
              <label key={column.id} className="form-field">
                <span>
                  {column.label}
                  {field?.required ? ' *' : ''}
                </span>
                {field?.kind === 'code' && choices && choices.length > 0 ? (
                  <select
                    {...common}
                    value={values[column.id] ?? ''}
                    onChange={(event) => set(event.target.value)}
                  >
                    <option value="">{field.required ? '(choose)' : '(blank)'}</option>
                    {choices.map((code) => (
                      <option key={code} value={code}>
                        {code}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    {...common}
                    placeholder={dateOrder && datePlaceholder(dateOrder)}
                    title={dateOrder && dateEntryHint(dateOrder)}
                    value={values[column.id] ?? ''}
                    list={column.id === 'hole_id' && table !== 'holes' ? 'entry-hole-ids' : undefined}
                    onChange={(event) => set(event.target.value)}
                  />
                )}
                {problem ? (
                  <small className="field-error">{problem}</small>
                ) : (
                  dateOrder && <small className="hint">{dateHint(dateOrder)}</small>
                )}
              </label>
            );
          })}
        </div>
        <div className="dialog-buttons">
          <button type="submit">{props.chain ? 'Add and start the next' : 'Add and start another'}</button>
          <button type="button" onClick={props.onClose}>
            Close
          </button>
        </div>
      </form>
    </div>
  );
}
