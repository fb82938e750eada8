// Guesses how a delimited text file is written (delimiter, decimal comma) from its first lines, so the
// import preview can show it and the user can correct it. Kept with our tokenizer (see csv-tokenizer.ts):
// Papa Parse's delimiter guess would bring that library in for a few lines, and no library guesses a
// decimal comma.
import { CsvTokenizer } from './csv-tokenizer';

/** Text encodings an import understands. */
export const TEXT_ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export const DELIMITER_CANDIDATES = [',', '\t', ';', '|'] as const;

export interface CsvDialect {
  delimiter: string;
  /** Numbers are written 12,5 rather than 12.5 (only possible when the delimiter is not a comma). */
  decimalComma: boolean;
}

function sampleRows(text: string, delimiter: string, maxRows: number): string[][] {
  const rows: string[][] = [];
  const tokenizer = new CsvTokenizer({ delimiter });
  try {
    tokenizer.push(text, (fields) => {
      if (rows.length < maxRows) rows.push(fields);
    });
  } catch {
    return rows;
  }
  // The sample may end mid-row; only complete rows are judged.
  return rows;
}

/** Picks the candidate giving the most columns, the same count on every sampled row. */
export function sniffDialect(sample: string): CsvDialect {
  let best: { delimiter: string; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITER_CANDIDATES) {
    const rows = sampleRows(sample, delimiter, 50);
    if (rows.length === 0) continue;
    const width = rows[0]?.length ?? 0;
    if (width < 2) continue;
    const consistent = rows.filter((row) => row.length === width).length / rows.length;
    const score = consistent * 1000 + width;
    if (score > best.score) best = { delimiter, score };
  }
  const decimalComma =
    best.delimiter !== ',' && looksLikeDecimalComma(sampleRows(sample, best.delimiter, 50));
  return { delimiter: best.delimiter, decimalComma };
}

const DECIMAL_COMMA = /^-?\d+,\d+$/;
const DECIMAL_POINT = /^-?\d+\.\d+$/;

function looksLikeDecimalComma(rows: string[][]): boolean {
  let comma = 0;
  let point = 0;
  for (const row of rows.slice(1)) {
    for (const field of row) {
      const value = field.trim();
      if (DECIMAL_COMMA.test(value)) comma++;
      else if (DECIMAL_POINT.test(value)) point++;
    }
  }
  return comma > point;
}
