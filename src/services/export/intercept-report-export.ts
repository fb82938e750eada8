// The significant-intercept table as a formatted workbook for a news release or a QP's review: an
// Intercepts sheet (title, bold frozen header, "and"/"including" rows indented, numbers as rounded
// numbers with their decimals) and a Parameters sheet with every parameter and the statement that goes
// under the table. Generic: it takes the rows of domain/report's buildInterceptTable and the sentences of
// interceptParameterStatement; `runs.export` writes a saved intercept run's report with it.
import { renameSync, rmSync, statSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { neutraliseText } from '../../domain/export/cell-safety';

export interface InterceptReportRow {
  kind: 'hole' | 'and' | 'including';
  /** Display text per header column (e.g. '12.30'), used to read each column's decimals. */
  cells: readonly string[];
  /** The same as rounded numbers (text for the first column, null for a dash). */
  values: readonly (number | string | null)[];
}

export interface InterceptReportExport {
  title: string;
  /** e.g. 'Ruddock Creek - Lower E Zone (demo)'. */
  project?: string;
  table: { header: readonly string[]; rows: readonly InterceptReportRow[]; notes: readonly string[] };
  statement: { sentences: readonly string[]; warnings?: readonly string[] };
  /** The run's parameters in plain names and values (cutoff, minimum length, ...). */
  parameters?: readonly { name: string; value: string | number }[];
  generatedAt?: string;
  /** Figures (plan, section) as PNG, on a Figures sheet after the parameters; size in pixels as drawn. */
  figures?: readonly { title: string; png: Buffer; width: number; height: number }[];
}

const decimalsOf = (text: string) => {
  const match = /^-?\d+(?:\.(\d+))?$/.exec(text.trim());
  return match ? (match[1]?.length ?? 0) : null;
};

/** Each column's decimals, read from the table's own display text. */
export function columnDecimals(rows: readonly InterceptReportRow[], columns: number): (number | null)[] {
  const decimals: (number | null)[] = new Array(columns).fill(null);
  for (const row of rows) {
    row.cells.forEach((cell, index) => {
      const found = decimalsOf(cell);
      if (found !== null) decimals[index] = Math.max(decimals[index] ?? 0, found);
    });
  }
  return decimals;
}

const safe = (value: string | number | null): ExcelJS.CellValue =>
  typeof value === 'string' ? neutraliseText(value) : value;

export async function writeInterceptReportXlsx(path: string, report: InterceptReportExport): Promise<number> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'drillbench';
  workbook.created = new Date();
  const { header, rows, notes } = report.table;
  const decimals = columnDecimals(rows, header.length);
  const sheet = workbook.addWorksheet('Intercepts', { views: [{ state: 'frozen', ySplit: 4 }] });
  sheet.getCell('A1').value = neutraliseText(report.title);
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = neutraliseText(
    [report.project, `generated ${report.generatedAt ?? new Date().toISOString().slice(0, 10)} by drillbench`]
      .filter(Boolean)
      .join(' - '),
  );
  sheet.getCell('A2').font = { italic: true, color: { argb: 'FF555555' } };
  const headerRow = sheet.getRow(4);
  headerRow.values = header.map((title) => neutraliseText(title));
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: 'bottom', wrapText: true };
  headerRow.eachCell((cell) => {
    cell.border = { bottom: { style: 'thin' } };
  });
  rows.forEach((row, index) => {
    const excelRow = sheet.getRow(5 + index);
    excelRow.values = row.values.map(safe);
    row.values.forEach((_value, column) => {
      const places = decimals[column];
      if (column > 0 && places !== null && places !== undefined)
        excelRow.getCell(column + 1).numFmt = places === 0 ? '0' : `0.${'0'.repeat(places)}`;
    });
    if (row.kind !== 'hole') {
      const label = excelRow.getCell(1);
      label.alignment = { indent: 1 };
      label.font = { italic: true };
      if (row.kind === 'including') excelRow.font = { italic: true };
    }
  });
  let next = 5 + rows.length + 1;
  for (const note of notes) {
    const cell = sheet.getCell(next++, 1);
    cell.value = neutraliseText(note);
    cell.font = { italic: true, size: 9 };
  }
  sheet.columns.forEach((column, index) => {
    const longest = Math.max(
      (header[index] ?? '').length > 18 ? 12 : (header[index] ?? '').length,
      ...rows.map((row) => (row.cells[index] ?? '').length),
    );
    column.width = Math.min(40, Math.max(index === 0 ? 14 : 9, longest + 2));
  });

  const parameters = workbook.addWorksheet('Parameters', { views: [{ state: 'frozen', ySplit: 1 }] });
  parameters.columns = [
    { header: 'Parameter', key: 'name', width: 34 },
    { header: 'Value', key: 'value', width: 110 },
  ];
  parameters.getRow(1).font = { bold: true };
  for (const parameter of report.parameters ?? [])
    parameters.addRow([neutraliseText(parameter.name), safe(parameter.value)]);
  parameters.addRow([]);
  const heading = parameters.addRow(['Statement of parameters (for the release)']);
  heading.font = { bold: true };
  for (const sentence of report.statement.sentences) {
    const row = parameters.addRow(['', neutraliseText(sentence)]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  for (const warning of report.statement.warnings ?? []) {
    const row = parameters.addRow(['Before publishing', neutraliseText(warning)]);
    row.font = { bold: true, color: { argb: 'FFB3261E' } };
    row.getCell(2).alignment = { wrapText: true };
  }
  if (report.figures && report.figures.length > 0) {
    const sheet = workbook.addWorksheet('Figures');
    sheet.getColumn(1).width = 12;
    let row = 0;
    for (const figure of report.figures) {
      const heading = sheet.getCell(row + 1, 1);
      heading.value = neutraliseText(figure.title);
      heading.font = { bold: true };
      const image = workbook.addImage({ buffer: figure.png as unknown as ExcelJS.Buffer, extension: 'png' });
      sheet.addImage(image, {
        tl: { col: 0, row: row + 1 },
        ext: { width: figure.width, height: figure.height },
      });
      // Rows are 20 px high by default: leave the picture's height and a gap before the next one.
      row += Math.ceil(figure.height / 20) + 3;
    }
  }
  const temporary = `${path}.partial`;
  try {
    await workbook.xlsx.writeFile(temporary);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return statSync(path).size;
}
