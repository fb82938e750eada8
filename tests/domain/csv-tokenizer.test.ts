import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, CsvTokenizer, parseCsv } from '../../src/domain/csv/csv-tokenizer';
import { sniffDialect } from '../../src/domain/csv/sniff';
import { csvLine } from '../../src/domain/export/cell-safety';

function rows(text: string, delimiter = ','): string[][] {
  return parseCsv(text, delimiter).map((row) => row.fields);
}

describe('CSV tokenizer', () => {
  it('reads quoted fields, doubled quotes, embedded delimiters and line breaks', () => {
    expect(rows('a,b\n"x, y","say ""hi"""\n"two\nlines",3\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', '3'],
    ]);
  });

  it('accepts LF, CRLF and lone CR line ends, skips blank lines, keeps empty fields', () => {
    expect(rows('a,b\r\n1,\r\n\r\n,2\r3,4')).toEqual([
      ['a', 'b'],
      ['1', ''],
      ['', '2'],
      ['3', '4'],
    ]);
  });

  it('reports the line each row starts on, counting line breaks inside quotes', () => {
    const parsed = parseCsv('h1,h2\n"multi\nline",1\n\nlast,2\n', ',');
    expect(parsed.map((row) => row.line)).toEqual([1, 2, 5]);
  });

  it('gives the same rows however the text is cut into chunks', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', '1', 'é') });
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), (data, cuts) => {
        const text = data.map((row) => csvLine(row).replace(/^'/, '')).join('\r\n');
        const whole = parseCsv(text, ',');
        const positions = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const tokenizer = new CsvTokenizer({ delimiter: ',' });
        const pieces: { fields: string[]; line: number }[] = [];
        let start = 0;
        for (const position of [...positions, text.length]) {
          tokenizer.push(text.slice(start, position), (fields, line) => pieces.push({ fields, line }));
          start = position;
        }
        tokenizer.end((fields, line) => pieces.push({ fields, line }));
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an unclosed quote at the end of the file, naming the line it started on', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n', ',')).toThrowError(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,"open\n2,3\n', ',');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(2);
      expect((error as Error).message).toContain('never closed');
    }
  });

  it('refuses text after a closing quote, binary data and runaway lines', () => {
    expect(() => parseCsv('a,b\n"x"y,1\n', ',')).toThrow(/line 2, field 1: text after a closing quote/i);
    expect(() => parseCsv('a,b\n1,\u0000\n', ',')).toThrow(/binary data/);
    const tokenizer = new CsvTokenizer({ delimiter: ',', maxRowLength: 100 });
    expect(() => tokenizer.push(`a,${'x'.repeat(200)}\n`, () => undefined)).toThrow(
      /longer than 100 characters/,
    );
  });
});

describe('dialect sniffing', () => {
  it('finds the delimiter and a decimal comma', () => {
    expect(sniffDialect('hole;from;to;Zn\nA;1,5;2,5;3,25\nB;2,5;3;1,1\n')).toEqual({
      delimiter: ';',
      decimalComma: true,
    });
    expect(sniffDialect('hole\tfrom\tto\nA\t1.5\t2\n')).toEqual({ delimiter: '\t', decimalComma: false });
    expect(sniffDialect('hole,from,to\n"A,1",1.5,2\n')).toEqual({ delimiter: ',', decimalComma: false });
  });
});
