// What the import wizard learns from a file's header and first rows before anything is written: which
// kind of file it is, where its dips and lengths are (for the unit and dip hints), and what its assay
// columns hold (numbers, negative codes, text codes) so the user can say what each code means.
import { isMissingSentinel, parseLabValue } from '../assay-values';
import { detectDipConvention, type DipConventionHint } from '../dip';
import type { AssayFlag } from '../model';
import { parseNumber } from '../table-fields';
import { FILE_KINDS, mapHeaders, normaliseHeader, type ColumnMapping, type FileKind } from './header-mapping';
import { detectLengthUnit, type LengthUnitHint } from './length-unit-hint';

export interface KindGuess {
  kind: FileKind | null;
  reason: string;
}

/** The key under which a file layout's mapping is remembered: its trimmed header names, in order. */
export function headerSignature(headers: readonly string[]): string {
  return JSON.stringify(headers.map((header) => header.trim()));
}

const NAME_WORDS: readonly [RegExp, FileKind][] = [
  [/collar|header|hole_?list|holes\b/i, 'collars'],
  [/survey|deviation|downhole/i, 'surveys'],
  [/lith|geol|log/i, 'lithology'],
  [/assay|sample|geochem|lab|result/i, 'assays'],
];

function mapsAs(kind: FileKind, headers: readonly string[]): ColumnMapping | null {
  try {
    return mapHeaders(kind, headers);
  } catch {
    return null;
  }
}

/**
 * Guesses the kind from the file name, then from which kind's required columns the header has. Interval
 * files with a code column are lithology; with only numbers, assays.
 */
export function guessFileKind(fileName: string, headers: readonly string[]): KindGuess {
  const fits = new Map<FileKind, ColumnMapping>();
  for (const kind of FILE_KINDS) {
    const mapping = mapsAs(kind, headers);
    if (mapping) fits.set(kind, mapping);
  }
  const base = fileName.replace(/^.*[\\/]/, '');
  for (const [pattern, kind] of NAME_WORDS) {
    if (pattern.test(base) && fits.has(kind))
      return { kind, reason: `the file name "${base}" says ${kind} and its columns fit` };
  }
  const normalised = new Set(headers.map(normaliseHeader));
  const has = (...names: string[]) => names.some((name) => normalised.has(name));
  if (fits.has('lithology') && has('lith', 'lithology', 'lithcode', 'rockcode', 'rocktype', 'code', 'litho'))
    return { kind: 'lithology', reason: 'it has From, To and a lithology code column' };
  if (fits.has('assays')) return { kind: 'assays', reason: 'it has From and To columns' };
  if (fits.has('surveys') && !has('x', 'easting', 'xcollar', 'east'))
    return { kind: 'surveys', reason: 'it has depth, azimuth and dip columns' };
  if (fits.has('collars') && has('x', 'easting', 'xcollar', 'east', 'y', 'northing', 'ycollar'))
    return { kind: 'collars', reason: 'it has hole ID and coordinate columns' };
  return { kind: null, reason: 'the columns do not say which kind of file this is; choose it' };
}

export interface PreviewRow {
  fields: readonly string[];
  line: number;
}

export interface AnalysisOptions {
  decimalComma: boolean;
  negativeIsBelowDetection: boolean;
  codes?: ReadonlyMap<string, AssayFlag>;
  missingSentinels?: readonly number[];
}

export interface CodeCount {
  text: string;
  count: number;
  /** How the text would be read now; 'invalid' means unknown (stored, flagged by validation). */
  flag: AssayFlag;
}

export interface AssayColumnStats {
  column: number;
  header: string;
  numbers: number;
  /** Negative numbers other than missing-value codes: below-detection codes, unless switched off. */
  negatives: number;
  empty: number;
  /**
   * Each distinct non-numeric text (codes, '<0.01', '>10') and missing-value number (-999), most
   * frequent first.
   */
  texts: CodeCount[];
}

const numberText = (text: string, decimalComma: boolean) => (decimalComma ? text.replace(',', '.') : text);

/**
 * Whether each column of an assay file reads as lab results in the given rows: most of its non-empty
 * values are numbers or known codes (the odd unknown code, 'ND', is then stored and flagged, and the
 * wizard asks what it means). A column still empty in these rows counts when its header names a unit
 * (Ni_ppm): sparse multi-element files fill some columns only deep in the file. A column of words
 * (comments, lab names) is reported as ignored.
 */
export function resultColumnJudge(
  rows: readonly PreviewRow[],
  header: readonly string[],
  options: AnalysisOptions,
): (column: number) => boolean {
  return (column) => {
    let readable = 0;
    let unreadable = 0;
    for (const row of rows) {
      const text = row.fields[column]?.trim() ?? '';
      if (text === '') continue;
      if (parseLabValue(numberText(text, options.decimalComma), options).flag === 'invalid') unreadable++;
      else readable++;
    }
    // A column still empty in these rows is taken as results, so values further down the file are kept
    // (and flagged if they are not numbers) rather than dropped unseen.
    if (readable === 0 && unreadable === 0) return (header[column] ?? '').trim() !== '';
    return readable > 0 && readable >= unreadable;
  };
}

/** What each assay column holds in the given rows. */
export function assayColumnStats(
  mapping: ColumnMapping,
  rows: readonly PreviewRow[],
  options: AnalysisOptions,
): AssayColumnStats[] {
  return mapping.analytes.map((analyte) => {
    const stats: AssayColumnStats = {
      column: analyte.column,
      header: analyte.header,
      numbers: 0,
      negatives: 0,
      empty: 0,
      texts: [],
    };
    const texts = new Map<string, CodeCount>();
    for (const row of rows) {
      const raw = row.fields[analyte.column]?.trim() ?? '';
      if (raw === '') {
        stats.empty++;
        continue;
      }
      const value = parseNumber(numberText(raw, options.decimalComma));
      if (value !== null && !(value < 0 && isMissingSentinel(value, options.missingSentinels))) {
        stats.numbers++;
        if (value < 0) stats.negatives++;
        continue;
      }
      const known = texts.get(raw);
      if (known) known.count++;
      else
        texts.set(raw, {
          text: raw,
          count: 1,
          flag: parseLabValue(numberText(raw, options.decimalComma), options).flag,
        });
    }
    stats.texts = [...texts.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
    return stats;
  });
}

export interface FileHints {
  dipConvention: (DipConventionHint & { dips: number }) | null;
  lengthUnit: LengthUnitHint | null;
}

/** The dip-sign and length-unit hints from the rows of a mapped file. */
export function fileHints(
  mapping: ColumnMapping,
  rows: readonly PreviewRow[],
  decimalComma: boolean,
): FileHints {
  const read = (row: PreviewRow, field: string): number | null => {
    const column = mapping.fields[field];
    if (column === undefined) return null;
    return parseNumber(numberText(row.fields[column] ?? '', decimalComma));
  };
  const collect = (field: string) =>
    rows.map((row) => read(row, field)).filter((value): value is number => value !== null);
  const holeColumn = mapping.fields.hole_id;
  const dips = rows.flatMap((row) => {
    const dip = read(row, 'dip');
    return dip === null
      ? []
      : [{ hole: holeColumn === undefined ? '' : (row.fields[holeColumn] ?? '').trim(), dip }];
  });
  const dipConvention =
    mapping.kind === 'collars' || mapping.kind === 'surveys'
      ? { ...detectDipConvention(dips), dips: dips.length }
      : null;
  const depths = [...collect('depth'), ...collect('eoh'), ...collect('depth_from'), ...collect('depth_to')];
  const lengths: number[] = [];
  if (mapping.fields.depth_from !== undefined && mapping.fields.depth_to !== undefined) {
    for (const row of rows) {
      const from = read(row, 'depth_from');
      const to = read(row, 'depth_to');
      if (from !== null && to !== null && to > from) lengths.push(Math.round((to - from) * 1e6) / 1e6);
    }
  }
  const lengthUnit = detectLengthUnit({
    depths,
    lengths,
    eastings: collect('easting'),
    northings: collect('northing'),
  });
  return {
    dipConvention,
    lengthUnit: lengthUnit.reasons.length > 0 || lengthUnit.unit ? lengthUnit : null,
  };
}
