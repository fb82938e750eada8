// A streaming RFC 4180 tokenizer: text goes in in chunks of any size, rows come out with the line they
// start on. It slices unquoted fields instead of building them a character at a time.
// Kept over csv-parse and Papa Parse: see BENCHMARKS.md, "CSV reader" (1M-row assay file: csv-parse with
// the line numbers we need about 20 x slower, Papa Parse 1.5-2 x slower without them and with no row
// length limit). Both would also need work around them for what this does: the line each row starts on,
// any mix of CR, LF and CRLF, over-long rows refused.

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

export interface CsvTokenizerOptions {
  delimiter: string;
  /** A longer row is refused: a file with a lost quote or no line breaks is not a table. */
  maxRowLength?: number;
}

/** Receives each row's fields and the 1-based line the row starts on. */
export type RowHandler = (fields: string[], line: number) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** Saw a quote inside a quoted field; the next character decides between "" and the field's end. */
  QuoteInQuoted,
  AfterQuoted,
}

export class CsvTokenizer {
  private readonly delimiter: number;
  private readonly maxRowLength: number;
  private state = State.FieldStart;
  private field = '';
  private fields: string[] = [];
  private rowLength = 0;
  private line = 1;
  private rowLine = 1;
  /** A CR ended the last row; a LF right after it belongs to the same line break. */
  private skipLf = false;
  /** A chunk ended on a CR inside a quoted field; the next chunk tells whether it was a CRLF. */
  private quotedCrPending = false;

  constructor(options: CsvTokenizerOptions) {
    if (options.delimiter.length !== 1) throw new Error('The delimiter must be one character.');
    this.delimiter = options.delimiter.charCodeAt(0);
    this.maxRowLength = options.maxRowLength ?? 1_000_000;
  }

  /** Line number of the next unread character, for error messages from the caller. */
  get currentLine(): number {
    return this.line;
  }

  push(chunk: string, onRow: RowHandler): void {
    if (chunk.indexOf('\u0000') !== -1) {
      throw new CsvSyntaxError(
        this.line,
        `Line ${this.line} holds binary data (NUL bytes): this is not a text CSV file.`,
      );
    }
    const length = chunk.length;
    const delimiter = this.delimiter;
    let i = 0;
    if (this.skipLf && length > 0) {
      if (chunk.charCodeAt(0) === LF) i = 1;
      this.skipLf = false;
    }
    if (this.quotedCrPending && length > 0) {
      // A lone CR was a line break of its own; a CR followed by LF is counted at the LF.
      if (chunk.charCodeAt(0) !== LF) this.line++;
      this.quotedCrPending = false;
    }
    while (i < length) {
      switch (this.state) {
        case State.FieldStart: {
          if (chunk.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            i++;
          } else {
            this.state = State.Unquoted;
          }
          break;
        }
        case State.Unquoted: {
          let j = i;
          let code = 0;
          while (j < length) {
            code = chunk.charCodeAt(j);
            if (code === delimiter || code === LF || code === CR) break;
            j++;
          }
          this.append(chunk, i, j);
          if (j === length) {
            i = j;
            break;
          }
          this.endField();
          if (code === delimiter) {
            this.state = State.FieldStart;
            i = j + 1;
          } else {
            i = this.endLine(chunk, j, code, onRow);
          }
          break;
        }
        case State.Quoted: {
          let j = i;
          while (j < length) {
            const code = chunk.charCodeAt(j);
            if (code === QUOTE) break;
            if (code === LF) this.line++;
            else if (code === CR) {
              if (j + 1 === length) this.quotedCrPending = true;
              else if (chunk.charCodeAt(j + 1) !== LF) this.line++;
            }
            j++;
          }
          this.append(chunk, i, j);
          if (j < length) this.state = State.QuoteInQuoted;
          i = j + 1;
          break;
        }
        case State.QuoteInQuoted: {
          if (chunk.charCodeAt(i) === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            i++;
          } else {
            this.state = State.AfterQuoted;
          }
          break;
        }
        case State.AfterQuoted: {
          const code = chunk.charCodeAt(i);
          if (code === delimiter) {
            this.endField();
            this.state = State.FieldStart;
            i++;
          } else if (code === LF || code === CR) {
            this.endField();
            i = this.endLine(chunk, i, code, onRow);
          } else {
            throw new CsvSyntaxError(
              this.line,
              `Line ${this.line}, field ${this.fields.length + 1}: text after a closing quote. Quote the whole field, and double any quote inside it ("").`,
            );
          }
          break;
        }
      }
    }
  }

  /** Flushes the last row. A quote still open at the end of the file means the file is cut short. */
  end(onRow: RowHandler): void {
    if (this.state === State.Quoted) {
      throw new CsvSyntaxError(
        this.rowLine,
        `Line ${this.rowLine}: a quoted field is never closed, so the file ends in the middle of a row. Is the file complete?`,
      );
    }
    if (this.state !== State.FieldStart || this.fields.length > 0) {
      this.endField();
      this.emit(onRow);
    }
  }

  private append(chunk: string, from: number, to: number): void {
    if (to <= from) return;
    this.rowLength += to - from;
    if (this.rowLength > this.maxRowLength) {
      throw new CsvSyntaxError(
        this.rowLine,
        `Line ${this.rowLine} is longer than ${this.maxRowLength.toLocaleString('en')} characters: a quote may be missing, or this is not a CSV file.`,
      );
    }
    this.field += from === 0 && to === chunk.length ? chunk : chunk.slice(from, to);
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
  }

  private endLine(chunk: string, at: number, code: number, onRow: RowHandler): number {
    this.emit(onRow);
    this.line++;
    this.rowLine = this.line;
    this.state = State.FieldStart;
    if (code === CR) {
      if (at + 1 < chunk.length) return chunk.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
      this.skipLf = true;
    }
    return at + 1;
  }

  private emit(onRow: RowHandler): void {
    const fields = this.fields;
    this.fields = [];
    this.rowLength = 0;
    // A blank line is not a row.
    if (fields.length === 1 && fields[0] === '') return;
    onRow(fields, this.rowLine);
  }
}

/** Tokenizes a whole string at once (previews, tests, pasted text). */
export function parseCsv(text: string, delimiter: string): { fields: string[]; line: number }[] {
  const rows: { fields: string[]; line: number }[] = [];
  const tokenizer = new CsvTokenizer({ delimiter });
  const collect: RowHandler = (fields, line) => rows.push({ fields, line });
  tokenizer.push(text, collect);
  tokenizer.end(collect);
  return rows;
}
