// The form for a new row: a hole with its collar fields, or an interval, survey or lithology row of a hole.
// Values are checked as they are typed (the same checks the server repeats); "next interval" starts From
// at the hole's deepest To, and after adding one the form moves on to the next, for quick logging.
import { useState, type FormEvent } from 'react';
import type { AnalyteRow } from '../../api/types';
import { analyteColumnId, fieldColumnId, parseCell } from '../../domain/entry/grid-cells';
import type { DataTable, LengthUnit } from '../../domain/model';
import { TABLE_FIELDS } from '../../domain/table-fields';
import { unitSuffix } from './entry-columns';
import type { GridController } from './entry-grid-context';

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
  onSubmit: (values: Record<string, string>) => Promise<boolean>;
  onClose: () => void;
}

function nextValues(values: Record<string, string>): Record<string, string> {
  const from = Number(values.depth_from);
  const to = Number(values.depth_to);
  const length = to - from;
  const next: Record<string, string> = { hole_id: values.hole_id ?? '', depth_from: values.depth_to ?? '' };
  if (Number.isFinite(length) && length > 0) next.depth_to = String(Number((to + length).toFixed(6)));
  if (values.code !== undefined) next.code = values.code;
  if (values.sample_type !== undefined) next.sample_type = values.sample_type;
  return next;
}

export function RowForm(props: RowFormProps) {
  const { table, controller } = props;
  const [values, setValues] = useState<Record<string, string>>(props.initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const columns = [
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
  const problemOf = (column: string) => {
    const text = values[column] ?? '';
    const parsed = parseCell(table, column, text, controller.cells);
    return parsed.ok ? null : parsed.message;
  };
  const problems = columns.map((column) => problemOf(column.id));
  const valid = problems.every((problem) => problem === null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(new Set(columns.map((column) => column.id)));
    if (!valid) return;
    const filled = Object.fromEntries(Object.entries(values).filter(([, text]) => text.trim() !== ''));
    const added = await props.onSubmit(filled);
    if (added && props.chain) {
      setValues(nextValues(values));
      setTouched(new Set());
    }
  }

  return (
    <div className="dialog-backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="row-form-title"
        className="dialog row-form"
        onSubmit={submit}
      >
        <h2 id="row-form-title">{props.title}</h2>
        {props.error && (
          <p role="alert" className="form-error">
            {props.error}
          </p>
        )}
        <div className="form-grid">
          {columns.map((column, index) => {
            const field = column.field;
            const choices =
              field?.choices ?? (field?.lookup ? controller.codes.get(field.lookup) : undefined);
            const problem = touched.has(column.id) ? problems[index] : null;
            const set = (text: string) => setValues({ ...values, [column.id]: text });
            const common = {
              id: `new-${column.id}`,
              'aria-invalid': problem !== null,
              onBlur: () => setTouched(new Set(touched).add(column.id)),
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
                    value={values[column.id] ?? ''}
                    list={column.id === 'hole_id' && table !== 'holes' ? 'entry-hole-ids' : undefined}
                    autoFocus={index === firstEmpty(columns, values)}
                    onChange={(event) => set(event.target.value)}
                  />
                )}
                {problem && <small className="field-error">{problem}</small>}
              </label>
            );
          })}
        </div>
        <div className="dialog-buttons">
          <button type="submit" disabled={props.busy}>
            {props.chain ? 'Add and start the next' : 'Add'}
          </button>
          <button type="button" onClick={props.onClose}>
            Close
          </button>
        </div>
      </form>
    </div>
  );
}

/** The first required field still empty, where typing starts. */
function firstEmpty(columns: readonly { id: string }[], values: Record<string, string>): number {
  const index = columns.findIndex((column) => (values[column.id] ?? '') === '');
  return index === -1 ? 0 : index;
}
