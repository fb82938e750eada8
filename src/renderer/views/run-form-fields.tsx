// The fields of the run forms (intercepts, composites, desurvey): a labelled text field with its unit and,
// when its value is wrong, the message under it; and a labelled choice. Values stay text until the form
// is checked, so a half-typed "0." is not lost.
import type { ReactNode } from 'react';

export type FieldErrors<F> = Partial<Record<keyof F, string>>;

interface FieldProps<F> {
  label: string;
  name: keyof F & string;
  form: F;
  errors: FieldErrors<F>;
  onChange: (name: keyof F & string, value: string) => void;
  /** Prefix of the input's id, e.g. "intercepts" gives #intercepts-cutoff and #intercepts-cutoff-error. */
  idPrefix: string;
  hint?: string;
  unit?: string;
  wide?: boolean;
}

export function Field<F>({ label, name, form, errors, onChange, idPrefix, hint, unit, wide }: FieldProps<F>) {
  const id = `${idPrefix}-${name}`;
  const error = errors[name];
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>
        {label}
        {unit ? <span className="unit"> ({unit})</span> : null}
      </label>
      <input
        id={id}
        name={name}
        value={String(form[name])}
        placeholder={hint}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(name, event.target.value)}
      />
      {error && (
        <div id={`${id}-error`} className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** The choices intercepts and composites share, in the same words on both forms. */
export const BELOW_DETECTION_CHOICES = [
  ['half', 'half the limit'],
  ['dl', 'the limit'],
  ['zero', 'zero'],
  ['missing', 'not assayed'],
] as const;

export const WEIGHTING_CHOICES = [
  ['length', 'length'],
  ['density', 'length x density'],
] as const;

export const DENSITY_UNIT = 'g/cm³';

export function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
  /** The message under the field when its value is wrong; needs `id`. */
  error?: string | undefined;
  id?: string;
}): ReactNode {
  const errorId = props.id ? `${props.id}-error` : undefined;
  return (
    <div className="field">
      <label className="choice">
        {props.label}
        <select
          id={props.id}
          value={props.value}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? errorId : undefined}
          onChange={(event) => props.onChange(event.target.value as T)}
        >
          {props.options.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {props.error && (
        <div id={errorId} className="field-error" role="alert">
          {props.error}
        </div>
      )}
    </div>
  );
}

/** A number as typed: null when empty, the number, or the text itself for the schema to refuse by name. */
export function typedNumber(value: string): number | null | string {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const parsed = Number(trimmed.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : trimmed;
}

/** A list as typed: items split on commas, semicolons or spaces. */
export function typedList(value: string): string[] {
  return value
    .split(/[,;\s]+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Text for a saved number (empty for none). */
export const numberText = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

/**
 * The first message per form field from a schema's issues, by the issue's path ("including.cutoff") or
 * its first part; issues of fields the form does not have go under `fallback`.
 */
export function issuesByField<F>(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fieldOf: Readonly<Record<string, keyof F>>,
  fallback: keyof F,
): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const field = fieldOf[path] ?? fieldOf[String(issue.path[0])] ?? fallback;
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The message for typed analyte codes that are not the project's, or null when all are. */
export function unknownAnalyteMessage(typed: string, analytes: readonly string[]): string | null {
  if (analytes.length === 0) return null;
  for (const code of typedList(typed)) {
    if (!analytes.some((a) => a.toLowerCase() === code.toLowerCase()))
      return `${code} is not an analyte of this project (${analytes.join(', ')}).`;
  }
  return null;
}
