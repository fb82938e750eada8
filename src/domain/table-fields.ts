// The columns of each editable table: labels, kinds and the by-itself rules that refuse a value outright.
// One list serves the grid editors, the API's whitelists for sorting and filtering, and the importers.
import { parseDateText, type DateOrder } from './date-input';
import type { DataTable, LengthUnit } from './model';

export type FieldKind = 'text' | 'number' | 'date' | 'code' | 'hole-ref';
/** What a number measures, which decides the unit shown beside it. */
export type Quantity = 'depth' | 'coordinate' | 'azimuth' | 'dip' | 'density';

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  quantity?: Quantity;
  required: boolean;
  min?: number;
  /** Exclusive upper bound (azimuth < 360). */
  below?: number;
  max?: number;
  /** Name of the lookup list a code field draws from. */
  lookup?: string;
  /** Fixed choices for enumerated fields (sample type). */
  choices?: readonly string[];
}

const depth = (key: string, label: string, required = true): FieldSpec => ({
  key,
  label,
  kind: 'number',
  quantity: 'depth',
  required,
  min: 0,
});

export const TABLE_FIELDS: Record<DataTable, readonly FieldSpec[]> = {
  holes: [
    { key: 'hole_id', label: 'Hole ID', kind: 'text', required: true },
    { key: 'easting', label: 'Easting', kind: 'number', quantity: 'coordinate', required: false },
    { key: 'northing', label: 'Northing', kind: 'number', quantity: 'coordinate', required: false },
    { key: 'elevation', label: 'Elevation', kind: 'number', quantity: 'coordinate', required: false },
    {
      key: 'azimuth',
      label: 'Azimuth',
      kind: 'number',
      quantity: 'azimuth',
      required: false,
      min: 0,
      below: 360,
    },
    { key: 'dip', label: 'Dip', kind: 'number', quantity: 'dip', required: false, min: -90, max: 90 },
    { ...depth('eoh', 'End of hole', false), min: 0 },
    { key: 'hole_type', label: 'Type', kind: 'code', lookup: 'hole_type', required: false },
    { key: 'station', label: 'Station / pad', kind: 'text', required: false },
    { key: 'program', label: 'Program', kind: 'text', required: false },
    { key: 'started_on', label: 'Started', kind: 'date', required: false },
    { key: 'completed_on', label: 'Completed', kind: 'date', required: false },
    { key: 'comments', label: 'Comments', kind: 'text', required: false },
  ],
  surveys: [
    { key: 'hole', label: 'Hole ID', kind: 'hole-ref', required: true },
    depth('depth', 'Depth'),
    {
      key: 'azimuth',
      label: 'Azimuth',
      kind: 'number',
      quantity: 'azimuth',
      required: true,
      min: 0,
      below: 360,
    },
    { key: 'dip', label: 'Dip', kind: 'number', quantity: 'dip', required: true, min: -90, max: 90 },
    { key: 'method', label: 'Method', kind: 'code', lookup: 'survey_method', required: false },
    { key: 'comments', label: 'Comments', kind: 'text', required: false },
  ],
  samples: [
    { key: 'hole', label: 'Hole ID', kind: 'hole-ref', required: true },
    depth('depth_from', 'From', false),
    depth('depth_to', 'To', false),
    { key: 'sample_id', label: 'Sample ID', kind: 'text', required: false },
    {
      key: 'sample_type',
      label: 'Sample type',
      kind: 'code',
      required: true,
      choices: ['regular', 'duplicate', 'blank', 'standard'],
    },
    { key: 'parent_sample_id', label: 'Duplicate of', kind: 'text', required: false },
    { key: 'standard_code', label: 'Standard', kind: 'text', required: false },
    {
      key: 'density',
      label: 'Density',
      kind: 'number',
      quantity: 'density',
      required: false,
      min: 0.5,
      max: 8,
    },
    { key: 'comments', label: 'Comments', kind: 'text', required: false },
  ],
  lithology: [
    { key: 'hole', label: 'Hole ID', kind: 'hole-ref', required: true },
    depth('depth_from', 'From'),
    depth('depth_to', 'To'),
    { key: 'code', label: 'Lithology', kind: 'code', lookup: 'lithology', required: true },
    { key: 'description', label: 'Description', kind: 'text', required: false },
    { key: 'comments', label: 'Comments', kind: 'text', required: false },
  ],
};

export function fieldSpec(table: DataTable, key: string): FieldSpec | undefined {
  return TABLE_FIELDS[table].find((field) => field.key === key);
}

/** The unit a quantity is shown in, e.g. "m" for depths in a metre project; null for plain text or counts. */
export function quantityUnit(quantity: Quantity | undefined, lengthUnit: LengthUnit): string | null {
  switch (quantity) {
    case 'depth':
    case 'coordinate':
      return lengthUnit;
    case 'azimuth':
    case 'dip':
      return 'deg';
    case 'density':
      return 'g/cm3';
    default:
      return null;
  }
}

/** What people read as a column's title: its label and unit, e.g. "From (m)", "Hole ID". */
export function fieldHeader(field: FieldSpec, lengthUnit: LengthUnit): string {
  const unit = quantityUnit(field.quantity, lengthUnit);
  return unit ? `${field.label} (${unit})` : field.label;
}

export type ParsedValue = string | number | null;
export type FieldParse = { ok: true; value: ParsedValue } | { ok: false; message: string };

export interface ParseContext {
  /** Codes allowed per lookup list; a code field with no list given accepts any code. */
  lookups?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * How the user's locale orders numeric dates (24/11/2010 is day/month/year). Without it only
   * YYYY-MM-DD (and a month written as a word) is read as a date.
   */
  dateOrder?: DateOrder;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 160;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Parses a number the way a geologist types it: digits with an optional sign, decimal point and
 * exponent. Stricter than Number(): no hex, no "Infinity", no empty string as zero. A hand-written scan
 * because imports call this millions of times.
 */
export function parseNumber(text: string): number | null {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let i = start;
  let code = text.charCodeAt(i);
  if (code === 43 || code === 45) code = text.charCodeAt(++i);
  let digits = 0;
  while (i < end && isDigit(code)) {
    digits++;
    code = text.charCodeAt(++i);
  }
  if (i < end && code === 46) {
    code = text.charCodeAt(++i);
    while (i < end && isDigit(code)) {
      digits++;
      code = text.charCodeAt(++i);
    }
  }
  if (digits === 0) return null;
  if (i < end && (code === 101 || code === 69)) {
    code = text.charCodeAt(++i);
    if (code === 43 || code === 45) code = text.charCodeAt(++i);
    let exponent = 0;
    while (i < end && isDigit(code)) {
      exponent++;
      code = text.charCodeAt(++i);
    }
    if (exponent === 0) return null;
  }
  if (i !== end) return null;
  const value = Number(start === 0 && end === text.length ? text : text.slice(start, end));
  return Number.isFinite(value) ? value : null;
}

/** The by-itself range rule of a number field: null when the value is acceptable, else the refusal. */
export function rangeMessage(spec: FieldSpec, value: number): string | null {
  if (spec.min !== undefined && value < spec.min) {
    if (spec.below !== undefined)
      return `${spec.label} must be from ${spec.min} to less than ${spec.below} (got ${value}).`;
    if (spec.max !== undefined)
      return `${spec.label} must be between ${spec.min} and ${spec.max} (got ${value}).`;
    return `${spec.label} cannot be less than ${spec.min} (got ${value}).`;
  }
  if (spec.below !== undefined && value >= spec.below) {
    const hint = spec.quantity === 'azimuth' ? ' Use 0 for north.' : '';
    return `${spec.label} must be less than ${spec.below} (got ${value}).${hint}`;
  }
  if (spec.max !== undefined && value > spec.max) {
    const hint = spec.quantity === 'dip' ? ' Dips run from -90 (straight down) to 90 (straight up).' : '';
    return `${spec.label} must be between ${spec.min ?? '-inf'} and ${spec.max} (got ${value}).${hint}`;
  }
  return null;
}

/**
 * Applies a field's by-itself rules to typed text. A refusal says what is wrong and what to type instead;
 * the caller keeps the typed text so nothing is lost.
 */
export function parseField(
  spec: FieldSpec,
  raw: string | number | null,
  context: ParseContext = {},
): FieldParse {
  const text = raw === null ? '' : String(raw).trim();
  if (text === '') {
    return spec.required ? { ok: false, message: `${spec.label} is required.` } : { ok: true, value: null };
  }
  switch (spec.kind) {
    case 'number': {
      const value = typeof raw === 'number' ? raw : parseNumber(text);
      if (value === null || !Number.isFinite(value)) {
        return { ok: false, message: `${spec.label}: "${text}" is not a number. Type digits such as 12.5.` };
      }
      const problem = rangeMessage(spec, value);
      return problem ? { ok: false, message: problem } : { ok: true, value };
    }
    case 'date': {
      // Stored as YYYY-MM-DD whatever form it was typed in.
      const date = parseDateText(text, context.dateOrder);
      return date.ok
        ? { ok: true, value: date.iso }
        : { ok: false, message: `${spec.label}: ${date.message}` };
    }
    case 'code': {
      if (spec.choices && !spec.choices.includes(text)) {
        return { ok: false, message: `${spec.label}: "${text}" is not one of ${spec.choices.join(', ')}.` };
      }
      const allowed = spec.lookup ? context.lookups?.get(spec.lookup) : undefined;
      if (allowed && !allowed.has(text)) {
        return {
          ok: false,
          message: `${spec.label}: "${text}" is not in the ${spec.lookup} list. Pick a listed code or add it to the list first.`,
        };
      }
      return { ok: true, value: text };
    }
    case 'text':
    case 'hole-ref':
      return { ok: true, value: text };
  }
}
