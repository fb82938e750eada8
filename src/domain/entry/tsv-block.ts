// Reads a block copied from Excel or LibreOffice: cells split by tabs, rows by line breaks, and a cell
// holding a tab, line break or quote wrapped in quotes with quotes doubled. Unlike the CSV importer a
// blank line is a row (an empty cell pasted to clear one), and a stray quote is taken literally rather
// than refused, because a paste has no file to fix. Reads a slice of rows at a time so a 100,000-cell
// block can be read between frames.

const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;

export class TsvBlockReader {
  private position = 0;
  private readonly end: number;
  /** A copied empty cell arrives as a bare line break: one row of one empty cell. */
  private emptyCellPending: boolean;

  constructor(private readonly text: string) {
    // The trailing line break every spreadsheet adds does not start another row.
    let end = text.length;
    if (end > 0 && text.charCodeAt(end - 1) === LF) end--;
    if (end > 0 && text.charCodeAt(end - 1) === CR) end--;
    this.end = end;
    this.emptyCellPending = end === 0 && text.length > 0;
  }

  get done(): boolean {
    return this.position >= this.end && !this.emptyCellPending;
  }

  /** Share of the text read so far, for a progress bar. */
  get progress(): number {
    return this.end === 0 ? 1 : Math.min(1, this.position / this.end);
  }

  /** Reads up to `maxRows` rows. */
  read(maxRows: number): string[][] {
    if (this.emptyCellPending) {
      this.emptyCellPending = false;
      return [['']];
    }
    const rows: string[][] = [];
    while (rows.length < maxRows && this.position < this.end) rows.push(this.readRow());
    return rows;
  }

  private readRow(): string[] {
    const cells: string[] = [];
    const text = this.text;
    for (;;) {
      const cell = this.readCell();
      cells.push(cell);
      if (this.position >= this.end) {
        this.position = this.end;
        return cells;
      }
      const code = text.charCodeAt(this.position);
      if (code === TAB) {
        this.position++;
        if (this.position >= this.end) {
          cells.push('');
          return cells;
        }
        continue;
      }
      // A line break ends the row: CRLF, LF or a lone CR.
      this.position += code === CR && text.charCodeAt(this.position + 1) === LF ? 2 : 1;
      return cells;
    }
  }

  private readCell(): string {
    const text = this.text;
    const start = this.position;
    if (text.charCodeAt(start) === QUOTE) {
      const quoted = this.readQuoted(start);
      if (quoted !== null) return quoted;
    }
    let at = start;
    while (at < this.end) {
      const code = text.charCodeAt(at);
      if (code === TAB || code === LF || code === CR) break;
      at++;
    }
    this.position = at;
    return text.slice(start, at);
  }

  /** A quoted cell, or null when the quote does not close right before a separator (then it is text). */
  private readQuoted(start: number): string | null {
    const text = this.text;
    let at = start + 1;
    let value = '';
    let from = at;
    while (at < this.end) {
      if (text.charCodeAt(at) !== QUOTE) {
        at++;
        continue;
      }
      if (text.charCodeAt(at + 1) === QUOTE && at + 1 < this.end) {
        value += text.slice(from, at + 1);
        at += 2;
        from = at;
        continue;
      }
      const next = at + 1 < this.end ? text.charCodeAt(at + 1) : -1;
      if (next === -1 || next === TAB || next === LF || next === CR) {
        this.position = at + 1;
        return value + text.slice(from, at);
      }
      return null;
    }
    return null;
  }
}

/** Reads a whole block at once (small pastes and tests). */
export function parseTsvBlock(text: string): string[][] {
  const reader = new TsvBlockReader(text);
  const rows: string[][] = [];
  while (!reader.done) {
    const slice = reader.read(10_000);
    if (slice.length === 0) break;
    rows.push(...slice);
  }
  return rows;
}

/** Number of cells in a block (ragged rows count what they hold). */
export function cellCount(rows: readonly (readonly string[])[]): number {
  let count = 0;
  for (const row of rows) count += row.length;
  return count;
}
