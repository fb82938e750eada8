// How each kind of run lays its results out as a ResultTable, and which of those columns a CSV or XLSX
// file shows: `hole_id, kind, from, to, length, true_thickness, angle_to_plane, grade, <analytes>` for intercepts,
// `hole_id, from, to, length, sampled_length, <analytes>, <analyte>_length...` for composites,
// `hole_id, depth, x, y, z` for desurvey. The table keeps more (waste length, assayed length, ...) than the files show.
import type { DesurveyStation } from '../desurvey/desurvey-stations';
import type { Composite } from './fixed-length-composites';
import { numberColumn, ResultTableBuilder, textAt, textColumn, type ResultTable } from './result-table';
import type { Intercept } from './significant-intercepts';

export const RUN_KINDS = ['intercepts', 'composites', 'desurvey'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

const INTERCEPT_NUMBERS = [
  'from',
  'to',
  'length',
  'true_thickness',
  'grade',
  'grade_length',
  'first',
  'parent',
  'weight',
  'waste_length',
  'unsampled_length',
  'sample_count',
  'capped_results',
  'over_limit_results',
  // Last, so the columns of runs saved before it keep their places; such runs read it as empty.
  'angle_to_plane',
] as const;

/** One number column per name of a tuple of column names. */
type ColumnsOf<T extends readonly string[]> = { [K in keyof T]: Float64Array };

const analyteColumn = (code: string) => `a:${code}`;
const assayedColumn = (code: string) => `assayed:${code}`;

/** The analyte behind a result-table column: its average (`a:Zn`) or its assayed length (`assayed:Zn`). */
export function analyteOfColumn(name: string): { code: string; part: 'grade' | 'assayed-length' } | null {
  if (name.startsWith('a:')) return { code: name.slice(2), part: 'grade' };
  if (name.startsWith('assayed:')) return { code: name.slice('assayed:'.length), part: 'assayed-length' };
  return null;
}

export function interceptTableBuilder(reportAnalytes: readonly string[]): ResultTableBuilder {
  return new ResultTableBuilder(
    [...INTERCEPT_NUMBERS, ...reportAnalytes.map(analyteColumn), ...reportAnalytes.map(assayedColumn)],
    ['kind'],
    256,
  );
}

/** Appends one intercept (its hole must be the builder's current hole). */
export function addInterceptRow(
  builder: ResultTableBuilder,
  intercept: Intercept,
  trueThickness: number | null,
  planeAngle: number | null = null,
): void {
  const row = builder.addRow();
  const values = [
    intercept.from,
    intercept.to,
    intercept.length,
    trueThickness,
    intercept.grade,
    intercept.gradeLength,
    intercept.first ? 1 : 0,
    intercept.parent,
    intercept.weight,
    intercept.wasteLength,
    intercept.unsampledLength,
    intercept.sampleCount,
    intercept.cappedResults,
    intercept.overLimitResults,
    planeAngle,
    ...intercept.analyteGrades,
    ...intercept.assayedLengths,
  ];
  for (let c = 0; c < values.length; c++) builder.setNumber(c, row, values[c] ?? null);
  builder.setText(0, row, intercept.kind);
}

const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

/** A column that runs saved by an earlier version may lack: all empty there. */
const LATER_COLUMNS: ReadonlySet<string> = new Set(['angle_to_plane']);

/** The values of a number column; a column added since an older run was saved reads as empty. */
function storedColumn(table: ResultTable, name: string): Float64Array {
  if (LATER_COLUMNS.has(name) && !table.numbers.some((c) => c.name === name)) {
    return new Float64Array(table.rowCount).fill(NaN);
  }
  return numberColumn(table, name);
}

/** Intercepts back from a stored table, with their true thickness and angle to the plane, in table order. */
export function interceptsFromTable(
  table: ResultTable,
  reportAnalytes: readonly string[],
): { intercept: Intercept; trueThickness: number | null; planeAngle: number | null }[] {
  const col = (name: string) => storedColumn(table, name);
  // The columns in the order INTERCEPT_NUMBERS writes them.
  const [
    from,
    to,
    length,
    tt,
    grade,
    gradeLength,
    first,
    parent,
    weight,
    waste,
    unsampled,
    samples,
    capped,
    overLimit,
    angle,
  ] = INTERCEPT_NUMBERS.map(col) as unknown as ColumnsOf<typeof INTERCEPT_NUMBERS>;
  const grades = reportAnalytes.map((code) => col(analyteColumn(code)));
  const assayed = reportAnalytes.map((code) => col(assayedColumn(code)));
  const kind = textColumn(table, 'kind');
  const out: { intercept: Intercept; trueThickness: number | null; planeAngle: number | null }[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    out.push({
      intercept: {
        holeId: table.holes[table.hole[r]!]!,
        kind: textAt(kind, r) === 'including' ? 'including' : 'intercept',
        first: first![r] === 1,
        parent: orNull(parent![r]!),
        from: from![r]!,
        to: to![r]!,
        length: length![r]!,
        grade: grade![r]!,
        gradeLength: gradeLength![r]!,
        analyteGrades: grades.map((c) => c[r]!),
        assayedLengths: assayed.map((c) => c[r]!),
        wasteLength: waste![r]!,
        unsampledLength: unsampled![r]!,
        sampleCount: samples![r]!,
        cappedResults: capped[r]!,
        overLimitResults: overLimit[r]!,
        weight: weight![r]!,
      },
      trueThickness: orNull(tt![r]!),
      planeAngle: orNull(angle[r]!),
    });
  }
  return out;
}

/**
 * Composite rows keep each analyte's assayed length beside its value (the `<analyte>_length` column of
 * the files). A composite's `analyteLengths` are not stored: they equal the assayed length when missing
 * grades are excluded and the counted length (samples and gaps between them) when they count as zero, and
 * a million composites are worth keeping small.
 */
export function compositeTableBuilder(analytes: readonly string[], domains: boolean): ResultTableBuilder {
  return new ResultTableBuilder(
    [
      'from',
      'to',
      'length',
      'sampled_length',
      ...analytes.map(analyteColumn),
      ...analytes.map(assayedColumn),
    ],
    domains ? ['domain'] : [],
    4096,
  );
}

export function addCompositeRow(builder: ResultTableBuilder, composite: Composite): void {
  const row = builder.addFilledRow();
  const columns = builder.numbers;
  columns[0]![row] = composite.from;
  columns[1]![row] = composite.to;
  columns[2]![row] = composite.length;
  columns[3]![row] = composite.sampledLength;
  const n = composite.values.length;
  for (let a = 0; a < n; a++) {
    columns[4 + a]![row] = composite.values[a] ?? NaN;
    columns[4 + n + a]![row] = composite.assayedLengths[a]!;
  }
  if (builder.textNames.length > 0) builder.setText(0, row, composite.domain);
}

export function desurveyTableBuilder(): ResultTableBuilder {
  return new ResultTableBuilder(['depth', 'x', 'y', 'z', 'azimuth', 'dip', 'surveyed'], [], 4096);
}

export function addStationRow(builder: ResultTableBuilder, station: DesurveyStation): void {
  const row = builder.addRow();
  builder.setNumber(0, row, station.depth);
  builder.setNumber(1, row, station.x);
  builder.setNumber(2, row, station.y);
  builder.setNumber(3, row, station.z);
  builder.setNumber(4, row, station.azimuth);
  builder.setNumber(5, row, station.dip);
  builder.setNumber(6, row, station.surveyed ? 1 : 0);
}

/** A column of an output file: where its cells come from and how many decimals a spreadsheet shows. */
export interface OutputColumn {
  header: string;
  source: 'hole' | { number: string } | { text: string };
  /** Decimals shown in XLSX (the cell keeps full precision); none for text. */
  decimals?: number;
}

export interface OutputOptions {
  kind: RunKind;
  /** Analytes in column order (reported analytes for intercepts, composited ones for composites). */
  analytes: readonly string[];
  /** Decimals per analyte for spreadsheets (from the project's analyte list); 2 when absent. */
  analyteDecimals?: Readonly<Record<string, number>>;
  /** Composites restarted at lithology boundaries carry a `domain` column at the end. */
  domains?: boolean;
}

/** The columns of a run's results file, in order. */
export function outputColumns(options: OutputOptions): OutputColumn[] {
  const depth = (header: string, name = header): OutputColumn => ({
    header,
    source: { number: name },
    decimals: 2,
  });
  const analyteDecimals = (code: string) => options.analyteDecimals?.[code] ?? 2;
  const analytes = options.analytes.map((code) => ({
    header: code,
    source: { number: analyteColumn(code) },
    decimals: analyteDecimals(code),
  }));
  switch (options.kind) {
    case 'intercepts':
      return [
        { header: 'hole_id', source: 'hole' },
        { header: 'kind', source: { text: 'kind' } },
        depth('from'),
        depth('to'),
        depth('length'),
        depth('true_thickness'),
        // Degrees between the hole and the plane; under NEAR_PARALLEL_DEGREES the thickness is unreliable.
        { header: 'angle_to_plane', source: { number: 'angle_to_plane' }, decimals: 1 },
        {
          header: 'grade',
          source: { number: 'grade' },
          decimals: Math.max(2, ...options.analytes.map(analyteDecimals)),
        },
        ...analytes,
      ];
    case 'composites':
      return [
        { header: 'hole_id', source: 'hole' },
        depth('from'),
        depth('to'),
        depth('length'),
        depth('sampled_length'),
        ...analytes,
        // Per analyte, the length with a result: what drop-short judges and what a value rests on.
        ...options.analytes.map((code) => depth(`${code}_length`, assayedColumn(code))),
        ...(options.domains ? [{ header: 'domain', source: { text: 'domain' } }] : []),
      ];
    case 'desurvey':
      return [
        { header: 'hole_id', source: 'hole' },
        depth('depth'),
        { header: 'x', source: { number: 'x' }, decimals: 2 },
        { header: 'y', source: { number: 'y' }, decimals: 2 },
        { header: 'z', source: { number: 'z' }, decimals: 2 },
      ];
  }
}

/** Reads rows of a table through output columns: numbers at full precision, empty cells as null. */
export class RowReader {
  private readonly getters: ((row: number) => string | number | null)[];

  constructor(
    readonly table: ResultTable,
    readonly columns: readonly OutputColumn[],
  ) {
    this.getters = columns.map((column) => {
      const source = column.source;
      if (source === 'hole') return (row: number) => table.holes[table.hole[row]!] ?? null;
      if ('number' in source) {
        const values = storedColumn(table, source.number);
        return (row: number) => orNull(values[row]!);
      }
      const text = textColumn(table, source.text);
      return (row: number) => textAt(text, row);
    });
  }

  row(row: number): (string | number | null)[] {
    return this.getters.map((get) => get(row));
  }
}
