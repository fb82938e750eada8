// Reading one value of a data row with the file's conventions (decimal comma, length unit, dip sign),
// by the same field rules the grid editors use. A value that cannot be right refuses its row.
import { convertDip } from '../../domain/dip';
import type { DipConvention, LengthUnit, SampleType } from '../../domain/model';
import { parseField, parseNumber, rangeMessage, type FieldSpec } from '../../domain/table-fields';
import { convertLengthClean } from '../../domain/units';

export class RowRefusal extends Error {
  constructor(
    readonly column: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'RowRefusal';
  }
}

export interface FileConventions {
  decimalComma: boolean;
  fileUnit: LengthUnit;
  projectUnit: LengthUnit;
  fileDips: DipConvention;
  projectDips: DipConvention;
}

export class RowReader {
  /** Azimuths of exactly 360 written as 0, counted for the summary. */
  azimuth360 = 0;

  constructor(
    readonly conventions: FileConventions,
    private readonly header: readonly string[],
  ) {}

  private columnName(column: number): string {
    return this.header[column] ?? `column ${column + 1}`;
  }

  text(fields: readonly string[], column: number | undefined): string | null {
    if (column === undefined) return null;
    const value = fields[column]?.trim() ?? '';
    return value === '' ? null : value;
  }

  requiredText(fields: readonly string[], column: number | undefined, what: string): string {
    const value = this.text(fields, column);
    if (value === null)
      throw new RowRefusal(
        column === undefined ? null : this.columnName(column),
        `no ${what}; fill it in or delete the row.`,
      );
    return value;
  }

  /** A number as written, with the decimal comma undone. */
  number(fields: readonly string[], column: number | undefined, spec: FieldSpec): number | null {
    const raw = this.text(fields, column);
    if (raw === null) {
      if (spec.required)
        throw new RowRefusal(
          column === undefined ? null : this.columnName(column),
          `no ${spec.label}; fill it in or delete the row.`,
        );
      return null;
    }
    const text = this.conventions.decimalComma ? raw.replace(',', '.') : raw;
    const value = parseNumber(text);
    if (value === null) {
      throw new RowRefusal(this.columnName(column!), `${spec.label} "${raw}" is not a number.`);
    }
    return value;
  }

  /** A depth or coordinate in the project's unit, range-checked. */
  length(fields: readonly string[], column: number | undefined, spec: FieldSpec): number | null {
    const value = this.number(fields, column, spec);
    if (value === null) return null;
    const converted = convertLengthClean(value, this.conventions.fileUnit, this.conventions.projectUnit);
    return this.checked(spec, converted, column);
  }

  azimuth(fields: readonly string[], column: number | undefined, spec: FieldSpec): number | null {
    const value = this.number(fields, column, spec);
    if (value === null) return null;
    if (value === 360) {
      this.azimuth360++;
      return 0;
    }
    return this.checked(spec, value, column);
  }

  dip(fields: readonly string[], column: number | undefined, spec: FieldSpec): number | null {
    const value = this.number(fields, column, spec);
    if (value === null) return null;
    const checked = this.checked(spec, value, column);
    return checked === null
      ? null
      : convertDip(checked, this.conventions.fileDips, this.conventions.projectDips);
  }

  plain(fields: readonly string[], column: number | undefined, spec: FieldSpec): number | null {
    const value = this.number(fields, column, spec);
    return value === null ? null : this.checked(spec, value, column);
  }

  date(fields: readonly string[], column: number | undefined, spec: FieldSpec): string | null {
    const raw = this.text(fields, column);
    if (raw === null) return null;
    const parsed = parseField(spec, raw);
    if (!parsed.ok) throw new RowRefusal(this.columnName(column!), parsed.message);
    return parsed.value as string;
  }

  private checked(spec: FieldSpec, value: number, column: number | undefined): number {
    const problem = rangeMessage(spec, value);
    if (problem !== null)
      throw new RowRefusal(column === undefined ? null : this.columnName(column), problem);
    return value;
  }
}

const SAMPLE_TYPE_CODES: Record<string, SampleType> = {
  '': 'regular',
  regular: 'regular',
  sample: 'regular',
  primary: 'regular',
  original: 'regular',
  orig: 'regular',
  duplicate: 'duplicate',
  dup: 'duplicate',
  fd: 'duplicate',
  fdup: 'duplicate',
  fieldduplicate: 'duplicate',
  blank: 'blank',
  blk: 'blank',
  bl: 'blank',
  standard: 'standard',
  std: 'standard',
  crm: 'standard',
};

export function sampleTypeFrom(text: string | null): SampleType | null {
  return SAMPLE_TYPE_CODES[(text ?? '').toLowerCase().replace(/[^a-z]/g, '')] ?? null;
}
