// Sample rows of an assay file converted to compact batches: numbers in typed arrays, text in one string
// with end offsets, results by analyte index and flag. The conversion (units, ranges, lab values,
// refusals) needs no database, so a worker thread can do it while the main thread writes; typed arrays
// and one string cross threads cheaply, where millions of small objects would not.
import { parseLabValue, type LabValueOptions } from '../../domain/assay-values';
import { ASSAY_FLAGS, SAMPLE_TYPES, type AssayFlag } from '../../domain/model';
import { fieldSpec, parseNumber, type FieldSpec } from '../../domain/table-fields';
import { RowReader, RowRefusal, sampleTypeFrom, type FileConventions } from './row-reading';

/** Everything the conversion needs, as plain data a worker can receive. */
export interface AssayLayout {
  header: string[];
  fields: Record<string, number>;
  /** Column of each analyte, in the engine's analyte order. */
  analyteColumns: number[];
  conventions: FileConventions;
  negativeIsBelowDetection: boolean;
  codes: [string, AssayFlag][];
  /** The project's own missing-value codes, beside the built-in -99, -999, -9999. */
  missingSentinels: number[];
}

export interface AssayBatch {
  /** Rows stored (refused rows are in `refusals`). */
  count: number;
  /** Rows read, refused ones included. */
  rows: number;
  bytesRead: number;
  lines: Int32Array;
  /** From, to and density per row (NaN for no density). */
  numbers: Float64Array;
  /** Index in SAMPLE_TYPES per row. */
  types: Uint8Array;
  /** Per row, where its results start in the result arrays; one more entry closes the last row. */
  resultStart: Int32Array;
  resultAnalyte: Uint16Array;
  /** NaN where the result carries no number. */
  resultValue: Float64Array;
  /** Index in ASSAY_FLAGS per result. */
  resultFlag: Uint8Array;
  /**
   * Per row: hole ID ('' when the same as the row before, which most rows are), sample ID, parent,
   * standard, comments ('' for none), then each result's lab text.
   */
  text: string;
  textEnds: Int32Array;
  refusals: { line: number; column: string | null; message: string }[];
  /** Numbers read as missing-value codes (-999), as written, with their counts. */
  sentinels: [string, number][];
}

/** Text slots per row before its results. */
export const TEXT_SLOTS = 5;

const SPEC = (key: string): FieldSpec => {
  const found = fieldSpec('samples', key);
  if (!found) throw new Error(`No field samples.${key}`);
  return found;
};
const FROM: FieldSpec = { ...SPEC('depth_from'), required: true };
const TO: FieldSpec = { ...SPEC('depth_to'), required: true };
const DENSITY = SPEC('density');
const FLAG_INDEX = new Map(ASSAY_FLAGS.map((flag, index) => [flag, index]));
const TYPE_INDEX = new Map(SAMPLE_TYPES.map((type, index) => [type, index]));

function grow<T extends Float64Array | Int32Array | Uint8Array | Uint16Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

export class AssayBatchBuilder {
  private readonly reader: RowReader;
  private readonly lab: LabValueOptions;
  private readonly f: Record<string, number>;
  private count = 0;
  private rows = 0;
  private results = 0;
  private lines = new Int32Array(2048);
  private numbers = new Float64Array(2048 * 3);
  private types = new Uint8Array(2048);
  private resultStart = new Int32Array(2049);
  private resultAnalyte = new Uint16Array(4096);
  private resultValue = new Float64Array(4096);
  private resultFlag = new Uint8Array(4096);
  private texts: string[] = [];
  private lastHoleId = '';
  private refusals: AssayBatch['refusals'] = [];
  private sentinels = new Map<string, number>();
  /** Reused per row: results parsed before the row is known to be good. */
  private readonly pending: { analyte: number; value: number; flag: number; text: string }[] = [];

  constructor(private readonly layout: AssayLayout) {
    this.reader = new RowReader(layout.conventions, layout.header);
    this.lab = {
      negativeIsBelowDetection: layout.negativeIsBelowDetection,
      codes: layout.codes.length > 0 ? new Map(layout.codes) : undefined,
      missingSentinels: layout.missingSentinels,
    };
    this.f = layout.fields;
  }

  get size(): number {
    return this.rows;
  }

  /** Converts one row, or records why it is refused. */
  add(fields: string[], line: number): void {
    this.rows++;
    const { reader, f } = this;
    let holeId: string;
    let from: number;
    let to: number;
    let type: number;
    let density: number | null;
    try {
      holeId = reader.requiredText(fields, f.hole_id, 'hole ID');
      from = reader.length(fields, f.depth_from, FROM)!;
      to = reader.length(fields, f.depth_to, TO)!;
      const typeText = reader.text(fields, f.sample_type);
      const sampleType = sampleTypeFrom(typeText);
      if (sampleType === null) {
        throw new RowRefusal(
          this.layout.header[f.sample_type!] ?? null,
          `sample type "${typeText}" is not regular, duplicate, blank or standard.`,
        );
      }
      type = TYPE_INDEX.get(sampleType)!;
      density = reader.plain(fields, f.density, DENSITY);
    } catch (error) {
      if (!(error instanceof RowRefusal)) throw error;
      this.refusals.push({ line, column: error.column, message: error.message });
      return;
    }
    const pending = this.pending;
    pending.length = 0;
    const columns = this.layout.analyteColumns;
    const decimalComma = this.layout.conventions.decimalComma;
    for (let analyte = 0; analyte < columns.length; analyte++) {
      const text = fields[columns[analyte]!]?.trim() ?? '';
      if (text === '') continue;
      const number = decimalComma ? text.replace(',', '.') : text;
      const parsed = parseLabValue(number, this.lab);
      // A number read as "no result" (-999): counted for the summary. Rare, so the check costs nothing.
      if (parsed.flag === 'missing' && text.charCodeAt(0) === 45 && parseNumber(number) !== null)
        this.sentinels.set(text, (this.sentinels.get(text) ?? 0) + 1);
      pending.push({ analyte, value: parsed.value ?? NaN, flag: FLAG_INDEX.get(parsed.flag)!, text });
    }
    const row = this.count++;
    this.lines = grow(this.lines, row + 1);
    this.numbers = grow(this.numbers, (row + 1) * 3);
    this.types = grow(this.types, row + 1);
    this.resultStart = grow(this.resultStart, row + 2);
    this.lines[row] = line;
    this.numbers[row * 3] = from;
    this.numbers[row * 3 + 1] = to;
    this.numbers[row * 3 + 2] = density ?? NaN;
    this.types[row] = type;
    this.resultStart[row] = this.results;
    const at = this.results + pending.length;
    this.resultAnalyte = grow(this.resultAnalyte, at);
    this.resultValue = grow(this.resultValue, at);
    this.resultFlag = grow(this.resultFlag, at);
    const texts = this.texts;
    texts.push(
      holeId === this.lastHoleId && row > 0 ? '' : holeId,
      reader.text(fields, f.sample_id) ?? '',
      reader.text(fields, f.parent_sample_id) ?? '',
      reader.text(fields, f.standard_code) ?? '',
      reader.text(fields, f.comments) ?? '',
    );
    this.lastHoleId = holeId;
    for (const result of pending) {
      const index = this.results++;
      this.resultAnalyte[index] = result.analyte;
      this.resultValue[index] = result.value;
      this.resultFlag[index] = result.flag;
      texts.push(result.text);
    }
  }

  /** Hands over what was converted since the last call and starts a new batch. */
  take(bytesRead: number): AssayBatch {
    const count = this.count;
    const results = this.results;
    const resultStart = this.resultStart.slice(0, count + 1);
    resultStart[count] = results;
    const textEnds = new Int32Array(this.texts.length);
    let end = 0;
    this.texts.forEach((text, index) => {
      end += text.length;
      textEnds[index] = end;
    });
    const batch: AssayBatch = {
      count,
      rows: this.rows,
      bytesRead,
      lines: this.lines.slice(0, count),
      numbers: this.numbers.slice(0, count * 3),
      types: this.types.slice(0, count),
      resultStart,
      resultAnalyte: this.resultAnalyte.slice(0, results),
      resultValue: this.resultValue.slice(0, results),
      resultFlag: this.resultFlag.slice(0, results),
      text: this.texts.join(''),
      textEnds,
      refusals: this.refusals,
      sentinels: [...this.sentinels],
    };
    this.count = 0;
    this.rows = 0;
    this.results = 0;
    this.texts = [];
    this.refusals = [];
    this.sentinels = new Map();
    return batch;
  }
}

/** The buffers a batch can hand to another thread without copying. */
export function transferables(batch: AssayBatch): ArrayBuffer[] {
  return [
    batch.lines,
    batch.numbers,
    batch.types,
    batch.resultStart,
    batch.resultAnalyte,
    batch.resultValue,
    batch.resultFlag,
    batch.textEnds,
  ].map((array) => array.buffer as ArrayBuffer);
}
