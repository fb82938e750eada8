// One CSV reader over one file, in its own process so its peak memory is its own (bench/benchmarks/
// csv-reader-benchmark.ts runs it under GNU time). Every reader gets the same decoded text chunks
// (src/services/import/text-source.ts: BOM, UTF-8 checks) and must give what the import needs: each
// row's fields and the line it starts on, blank lines skipped, any mix of CR, LF and CRLF, quotes per
// RFC 4180, rows over a million characters refused. Prints {ms, rows, checksum} as JSON; the checksum
// (field count, characters and start lines) shows every reader read the same rows.
//   node --import tsx bench/library-trials/csv-trial.ts ours|csv-parse|papaparse|decode-only FILE
import { Readable } from 'node:stream';
import { parse as csvParse } from 'csv-parse';
import Papa from 'papaparse';
import { CsvTokenizer } from '../../src/domain/csv/csv-tokenizer';
import { sniffDialect } from '../../src/domain/csv/sniff';
import { openTextFile, readTextHead } from '../../src/services/import/text-source';

const MAX_ROW = 1_000_000;

class Tally {
  rows = 0;
  checksum = 0;
  add(fields: readonly string[], line: number): void {
    this.rows++;
    let sum = fields.length + line;
    for (const field of fields) sum += field.length;
    this.checksum = (this.checksum + sum) % 2 ** 48;
  }
}

function* chunks(path: string): Generator<string> {
  const reader = openTextFile(path);
  try {
    for (let chunk = reader.next(); chunk !== null; chunk = reader.next()) yield chunk;
  } finally {
    reader.close();
  }
}

function readOurs(path: string, delimiter: string, tally: Tally): void {
  const tokenizer = new CsvTokenizer({ delimiter, maxRowLength: MAX_ROW });
  const onRow = (fields: string[], line: number) => tally.add(fields, line);
  for (const chunk of chunks(path)) tokenizer.push(chunk, onRow);
  tokenizer.end(onRow);
}

interface ParsedRecord {
  record: string[];
  info: { lines: number; empty_lines: number };
}

async function readCsvParse(path: string, delimiter: string, tally: Tally): Promise<void> {
  const parser = Readable.from(chunks(path)).pipe(
    csvParse({
      delimiter,
      // Any line break, as ours: csv-parse otherwise fixes the first one it sees for the whole file.
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: MAX_ROW,
      info: true,
    }),
  );
  // csv-parse reports the line a record ends on; the line it starts on is the one after the previous
  // record's end, past any blank lines skipped in between.
  let previousEnd = 0;
  let previousEmpty = 0;
  for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
    const start = previousEnd + 1 + (info.empty_lines - previousEmpty);
    tally.add(record, start);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
  }
}

async function readPapaparse(path: string, delimiter: string, tally: Tally): Promise<void> {
  // Papa Parse gives no line numbers and no row length limit: this is its speed without them, an upper
  // bound for a reader that would add both. Lines are counted one per row, which holds for these files
  // (no line break inside a quoted field, no blank line), so the checksum still compares.
  let line = 1;
  await new Promise<void>((resolve, reject) => {
    const stream = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter, skipEmptyLines: true });
    stream.on('data', (fields: string[]) => {
      tally.add(fields, line);
      line++;
    });
    stream.on('end', resolve);
    stream.on('error', reject);
    Readable.from(chunks(path)).pipe(stream);
  });
}

function readDecodeOnly(path: string, tally: Tally): void {
  for (const chunk of chunks(path)) tally.checksum = (tally.checksum + chunk.length) % 2 ** 48;
}

const [reader, path] = process.argv.slice(2);
if (!reader || !path) throw new Error('usage: csv-trial.ts ours|csv-parse|papaparse|decode-only FILE');
const { delimiter } = sniffDialect(readTextHead(path).text);
const tally = new Tally();
const start = process.hrtime.bigint();
if (reader === 'ours') readOurs(path, delimiter, tally);
else if (reader === 'csv-parse') await readCsvParse(path, delimiter, tally);
else if (reader === 'papaparse') await readPapaparse(path, delimiter, tally);
else if (reader === 'decode-only') readDecodeOnly(path, tally);
else throw new Error(`Unknown reader ${reader}`);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ ms, rows: tally.rows, checksum: tally.checksum }));
