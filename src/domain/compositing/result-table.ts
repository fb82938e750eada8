// The results of a compositing run as columns of typed arrays, one row per intercept, composite or
// station: cheap to build for a million rows, to store as one blob and to page through later.

export interface NumberColumn {
  name: string;
  /** One value per row; NaN is an empty cell. */
  values: Float64Array;
}

export interface TextColumn {
  name: string;
  /** The distinct texts; rows hold an index into this list, or -1 for an empty cell. */
  levels: string[];
  codes: Int32Array;
}

export interface ResultTable {
  /** Hole IDs the rows refer to, in output order. */
  holes: readonly string[];
  rowCount: number;
  /** Index into `holes` per row. */
  hole: Int32Array;
  numbers: NumberColumn[];
  texts: TextColumn[];
}

/** Grows the columns as rows are added; `finish` hands back a table trimmed to the rows written. */
export class ResultTableBuilder {
  private readonly holes: string[] = [];
  private rows = 0;
  private capacity: number;
  private hole: Int32Array;
  private readonly numberValues: Float64Array[];
  private readonly textCodes: Int32Array[];
  private readonly textLevels: { levels: string[]; index: Map<string, number> }[];
  private currentHole = -1;

  constructor(
    readonly numberNames: readonly string[],
    readonly textNames: readonly string[] = [],
    initialCapacity = 1024,
  ) {
    this.capacity = Math.max(16, initialCapacity);
    this.hole = new Int32Array(this.capacity);
    this.numberValues = numberNames.map(() => new Float64Array(this.capacity));
    this.textCodes = textNames.map(() => new Int32Array(this.capacity));
    this.textLevels = textNames.map(() => ({ levels: [], index: new Map() }));
  }

  get rowCount(): number {
    return this.rows;
  }

  /** Rows added from now on belong to this hole. */
  startHole(holeId: string): void {
    this.currentHole = this.holes.length;
    this.holes.push(holeId);
  }

  /** Adds a row (every number empty, every text empty) and returns its index. */
  addRow(): number {
    const row = this.addBlankRow();
    for (const column of this.numberValues) column[row] = NaN;
    for (const column of this.textCodes) column[row] = -1;
    return row;
  }

  /**
   * Adds a row whose every number column the caller fills through `numbers` (the current arrays, valid
   * until the next row is added); texts start empty. Saves a write per cell on million-row tables.
   */
  addFilledRow(): number {
    const row = this.addBlankRow();
    for (const column of this.textCodes) column[row] = -1;
    return row;
  }

  /** The number columns' arrays as they are now (a row added later may replace them). */
  get numbers(): readonly Float64Array[] {
    return this.numberValues;
  }

  private addBlankRow(): number {
    if (this.currentHole < 0) throw new Error('startHole() must be called before adding a row.');
    if (this.rows === this.capacity) this.grow();
    const row = this.rows++;
    this.hole[row] = this.currentHole;
    return row;
  }

  setNumber(column: number, row: number, value: number | null): void {
    this.numberValues[column]![row] = value ?? NaN;
  }

  setText(column: number, row: number, value: string | null): void {
    if (value === null) {
      this.textCodes[column]![row] = -1;
      return;
    }
    const levels = this.textLevels[column]!;
    let code = levels.index.get(value);
    if (code === undefined) {
      code = levels.levels.length;
      levels.levels.push(value);
      levels.index.set(value, code);
    }
    this.textCodes[column]![row] = code;
  }

  /** The table so far, as views of the builder's arrays (no copy): add no rows after finishing. */
  finish(): ResultTable {
    const n = this.rows;
    return {
      holes: [...this.holes],
      rowCount: n,
      hole: this.hole.subarray(0, n),
      numbers: this.numberNames.map((name, c) => ({ name, values: this.numberValues[c]!.subarray(0, n) })),
      texts: this.textNames.map((name, c) => ({
        name,
        levels: [...this.textLevels[c]!.levels],
        codes: this.textCodes[c]!.subarray(0, n),
      })),
    };
  }

  private grow(): void {
    this.capacity *= 2;
    const grown = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(this.capacity);
      next.set(old);
      return next;
    };
    this.hole = grown(this.hole, (n) => new Int32Array(n));
    for (let c = 0; c < this.numberValues.length; c++) {
      this.numberValues[c] = grown(this.numberValues[c]!, (n) => new Float64Array(n));
    }
    for (let c = 0; c < this.textCodes.length; c++) {
      this.textCodes[c] = grown(this.textCodes[c]!, (n) => new Int32Array(n));
    }
  }
}

/** The values of a number column, or an error naming the columns there are. */
export function numberColumn(table: ResultTable, name: string): Float64Array {
  const column = table.numbers.find((c) => c.name === name);
  if (!column) {
    throw new RangeError(
      `The results have no column ${name} (they have ${table.numbers.map((c) => c.name).join(', ')}).`,
    );
  }
  return column.values;
}

export function textColumn(table: ResultTable, name: string): TextColumn {
  const column = table.texts.find((c) => c.name === name);
  if (!column) throw new RangeError(`The results have no text column ${name}.`);
  return column;
}

/** A cell's text, or null when empty. */
export function textAt(column: TextColumn, row: number): string | null {
  const code = column.codes[row]!;
  return code < 0 ? null : (column.levels[code] ?? null);
}
