// The streaming XLSX writer read back by two independent readers (ExcelJS and read-excel-file): sheets,
// bold frozen header, measured widths, number formats, numbers as numbers, text kept exactly (spaces,
// XML specials, control characters as Excel escapes them), formula-like text neutralised.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { columnLetters, openXlsxSink } from '../../src/services/export/xlsx-file';
import { tempDirectory } from '../helpers/project-fixtures';

describe('the streaming XLSX writer', () => {
  const directory = tempDirectory();
  afterAll(() => directory.remove());

  it('writes sheets Excel readers agree on', async () => {
    const path = join(directory.path, 'book.xlsx');
    const sink = await openXlsxSink(path);
    const first = await sink.sheet('Samples [2011]', [
      { header: 'Hole ID' },
      { header: 'From (m)', decimals: 2 },
      { header: 'Zn (%)', numericText: true },
      { header: 'Note' },
    ]);
    first.row(['DH-001', 1.5, '0.45', '  two spaces & <tags> "quoted"']);
    first.row(['0007', 2, '<0.01', 'tab\there, bell\u0007, =SUM(A1)']);
    first.row([null, -0.005, '-0.005', true]);
    for (let i = 0; i < 3000; i++) first.row([`H${i}`, i, String(i / 100), null]);
    await sink.ready();
    const second = await sink.sheet('Empty', [{ header: 'Only a header' }]);
    void second;
    await sink.close();
    expect(existsSync(`${path}.partial`)).toBe(false);

    const sheets = await readXlsxFile(path, { trim: false });
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['Samples _2011_', 'Empty']);
    const rows = sheets[0]!.data;
    expect(rows[0]).toEqual(['Hole ID', 'From (m)', 'Zn (%)', 'Note']);
    expect(rows[1]).toEqual(['DH-001', 1.5, 0.45, '  two spaces & <tags> "quoted"']);
    expect(rows[2]![0]).toBe('0007');
    expect(rows[2]![2]).toBe('<0.01');
    expect(rows[3]).toEqual([null, -0.005, -0.005, true]);
    expect(rows).toHaveLength(3004);
    expect(sheets[1]!.data).toEqual([['Only a header']]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getCell('B2').numFmt).toBe('0.00');
    expect(sheet.getColumn(4).width).toBeGreaterThan(20);
    // A control character is written as Excel's own escape; formula-like text gets an apostrophe.
    expect(sheet.getCell('D3').value).toBe('tab\there, bell_x0007_, =SUM(A1)');
    expect(sheet.getCell('D2').value).toBe('  two spaces & <tags> "quoted"');
  });

  it('names columns past Z like Excel', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
