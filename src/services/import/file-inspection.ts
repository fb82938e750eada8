// The import wizard's look at a file before importing: format, encoding, delimiter and decimal comma
// (detected, and as chosen), the first rows, the kind and column mapping (remembered or guessed), the
// unit and dip hints and what the assay columns hold. Reads at most the first 1,000 rows.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { FilePreview, SavedMappingInfo } from '../../api/import-wizard-types';
import type { CodeFlag } from '../../domain/assay-values';
import { CsvTokenizer } from '../../domain/csv/csv-tokenizer';
import { sniffDialect, type CsvDialect, type TextEncoding } from '../../domain/csv/sniff';
import {
  assayColumnStats,
  fileHints,
  guessFileKind,
  headerSignature,
  resultColumnJudge,
  type PreviewRow,
} from '../../domain/import/file-analysis';
import {
  mapHeaders,
  MappingError,
  missingFields,
  type ColumnMapping,
  type FileKind,
  type MappingOverrides,
} from '../../domain/import/header-mapping';
import { headerLengthUnit, LENGTH_FIELDS } from '../../domain/import/length-unit-hint';
import { findMapping } from '../../storage/import-mappings-store';
import type { Database } from '../../storage/project-db';
import { openDelimitedFile } from './delimited-file';
import { fileFormat } from './import-sources';
import { projectMissingSentinels } from '../settings/project-settings';
import { resultCodeMap } from './import-memory';
import { FileReadError, readTextHead } from './text-source';
import { readXlsxRows } from './xlsx-source';

export interface InspectRequest {
  path: string;
  kind?: FileKind;
  sheet?: string;
  encoding?: TextEncoding;
  delimiter?: string;
  decimalComma?: boolean;
  mapping?: MappingOverrides;
  negativeIsBelowDetection?: boolean;
  resultCodes?: Record<string, CodeFlag>;
  previewRows?: number;
}

const ANALYSED_ROWS = 1000;

function hasBom(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(3);
    const read = readSync(fd, head, 0, 3, 0);
    return read === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } finally {
    closeSync(fd);
  }
}

const DESCRIPTOR_LABEL = /^(analyte|analytes|element|elements)$/i;

/** A certificate has an Analyte (or Element) row in its first columns within the first rows. */
export function looksLikeCertificate(rows: readonly (readonly string[])[]): boolean {
  return rows
    .slice(0, 80)
    .some((fields) => fields.slice(0, 3).some((field) => DESCRIPTOR_LABEL.test(field.trim())));
}

function headRows(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  try {
    new CsvTokenizer({ delimiter }).push(text, (fields) => {
      if (rows.length < 80) rows.push(fields);
    });
  } catch {
    // A partial head is enough to judge from.
  }
  return rows;
}

interface ReadHead {
  header: string[];
  headerLine: number;
  rows: PreviewRow[];
  dialect: CsvDialect;
  encoding: TextEncoding;
  sheets: string[];
  sheet: string | null;
  estimatedRows: number | null;
  certificate: boolean;
}

async function readXlsxHead(request: InspectRequest): Promise<ReadHead> {
  let header: string[] | null = null;
  let headerLine = 1;
  const rows: PreviewRow[] = [];
  const raw: string[][] = [];
  const visit = await readXlsxRows(request.path, request.sheet, (cells, rowNumber) => {
    if (cells.length === 0) return;
    if (raw.length < 80) raw.push(cells);
    if (header === null) {
      header = cells;
      headerLine = rowNumber;
    } else rows.push({ fields: cells, line: rowNumber });
    return rows.length < ANALYSED_ROWS;
  });
  if (header === null) throw new FileReadError(request.path, `Sheet "${visit.sheet}" is empty.`);
  const width = (header as string[]).length;
  for (const row of rows) while ((row.fields as string[]).length < width) (row.fields as string[]).push('');
  return {
    header,
    headerLine,
    rows,
    dialect: { delimiter: ',', decimalComma: false },
    encoding: 'utf-8',
    sheets: visit.sheets,
    sheet: visit.sheet,
    estimatedRows: null,
    certificate: looksLikeCertificate(raw),
  };
}

function readCsvHead(request: InspectRequest, detected: CsvDialect, certificate: boolean): ReadHead {
  if (certificate) {
    // Certificates are not one table: show their first lines as they are.
    const head = readTextHead(request.path, 64 * 1024, request.encoding);
    const delimiter = request.delimiter ?? detected.delimiter;
    const rows = headRows(head.text, delimiter).map((fields, index) => ({ fields, line: index + 1 }));
    return {
      header: rows[0]?.fields ?? [],
      headerLine: 1,
      rows: rows.slice(1),
      dialect: { delimiter, decimalComma: request.decimalComma ?? detected.decimalComma },
      encoding: head.encoding,
      sheets: [],
      sheet: null,
      estimatedRows: null,
      certificate,
    };
  }
  const file = openDelimitedFile(request.path, {
    dialect: { delimiter: request.delimiter, decimalComma: request.decimalComma },
    encoding: request.encoding,
    peekRows: ANALYSED_ROWS,
  });
  file.close();
  const rows = file.peek.slice(0, ANALYSED_ROWS);
  let bytes = 0;
  for (const row of rows) for (const field of row.fields) bytes += field.length + 1;
  const estimatedRows =
    file.peek.length < ANALYSED_ROWS
      ? file.peek.length
      : Math.round((file.size / Math.max(1, bytes)) * rows.length);
  return {
    header: file.header,
    headerLine: file.headerLine,
    rows,
    dialect: file.dialect,
    encoding: file.encoding,
    sheets: [],
    sheet: null,
    estimatedRows,
    certificate: false,
  };
}

function savedInfo(db: Database, header: readonly string[]): SavedMappingInfo | null {
  const saved = findMapping(db, headerSignature(header));
  if (!saved) return null;
  return {
    kind: saved.kind as FileKind,
    mapping: saved.mapping as MappingOverrides,
    options: saved.options as SavedMappingInfo['options'],
    savedAt: saved.savedAt,
    savedBy: saved.savedBy,
    uses: saved.uses,
  };
}

export async function inspectImportFile(db: Database, request: InspectRequest): Promise<FilePreview> {
  let size: number;
  try {
    size = statSync(request.path).size;
  } catch {
    throw new FileReadError(request.path, `${request.path} does not exist or cannot be read.`);
  }
  const format = fileFormat(request.path);
  let detected: FilePreview['detected'];
  let head: ReadHead;
  if (format === 'xlsx') {
    head = await readXlsxHead(request);
    detected = { encoding: 'utf-8', bom: false, delimiter: ',', decimalComma: false };
  } else {
    const text = readTextHead(request.path);
    const dialect = sniffDialect(text.text);
    detected = { encoding: text.encoding, bom: hasBom(request.path), ...dialect };
    const certificate = looksLikeCertificate(headRows(text.text, request.delimiter ?? dialect.delimiter));
    head = readCsvHead(request, dialect, certificate);
  }
  const saved = head.certificate ? null : savedInfo(db, head.header);
  const kindGuess = guessFileKind(request.path, head.header);
  const kind = request.kind ?? saved?.kind ?? kindGuess.kind;
  const labOptions = {
    negativeIsBelowDetection:
      request.negativeIsBelowDetection ?? saved?.options.negativeIsBelowDetection ?? true,
    codes: resultCodeMap(request.resultCodes ?? saved?.options.resultCodes),
    missingSentinels: projectMissingSentinels(db),
  };
  let mapping: ColumnMapping | null = null;
  let mappingError: string | null = null;
  if (kind && !head.certificate) {
    const overrides = request.mapping ?? (saved && saved.kind === kind ? saved.mapping : undefined);
    const decimalComma = head.dialect.decimalComma;
    const numeric = resultColumnJudge(head.rows, head.header, { ...labOptions, decimalComma });
    try {
      mapping = mapHeaders(kind, head.header, overrides, numeric, false);
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      mappingError = error.message;
    }
  }
  const hints = mapping
    ? fileHints(mapping, head.rows, head.dialect.decimalComma)
    : { dipConvention: null, lengthUnit: null };
  if (mapping) addHeaderUnitHint(mapping, head.header, hints);
  const missing = mapping ? missingFields(mapping) : [];
  return {
    path: request.path,
    name: basename(request.path),
    size,
    format,
    sheets: head.sheets,
    sheet: head.sheet,
    detected,
    encoding: head.encoding,
    delimiter: head.dialect.delimiter,
    decimalComma: head.dialect.decimalComma,
    certificate: head.certificate,
    header: head.header,
    headerLine: head.headerLine,
    rows: head.rows
      .slice(0, request.previewRows ?? 20)
      .map((row) => ({ line: row.line, fields: [...row.fields] })),
    analysedRows: head.rows.length,
    estimatedRows: head.estimatedRows,
    kind,
    kindGuess,
    fields: Object.fromEntries(
      Object.entries(mapping?.fields ?? {}).map(([field, column]) => [field, head.header[column] ?? '']),
    ),
    missingFields: missing,
    analytes: mapping?.analytes.map((analyte) => ({ ...analyte })) ?? [],
    ignoredColumns: mapping?.ignored.map((entry) => entry.header) ?? [],
    mappingError:
      mappingError ??
      (missing.length > 0
        ? `Choose the column${missing.length > 1 ? 's' : ''} for ${missing.join(', ')}.`
        : null),
    saved,
    hints,
    assayColumns: mapping
      ? assayColumnStats(mapping, head.rows, { ...labOptions, decimalComma: head.dialect.decimalComma })
      : [],
  };
}

/** Column names that state a unit (from_ft) are the strongest hint there is. */
function addHeaderUnitHint(
  mapping: ColumnMapping,
  header: readonly string[],
  hints: { lengthUnit: FilePreview['hints']['lengthUnit'] },
): void {
  const stated = LENGTH_FIELDS.flatMap((field) => {
    const column = mapping.fields[field];
    const name = column === undefined ? undefined : header[column];
    const unit = name ? headerLengthUnit(name) : null;
    return unit ? [{ name: name!, unit }] : [];
  });
  if (stated.length === 0) return;
  const units = new Set(stated.map((entry) => entry.unit));
  const names = stated.map((entry) => `"${entry.name}"`).join(', ');
  if (units.size > 1) {
    hints.lengthUnit = {
      unit: null,
      reasons: [
        `the columns ${names} state different units; the import will refuse this file until they agree`,
      ],
    };
    return;
  }
  const unit = stated[0]!.unit;
  hints.lengthUnit = {
    unit,
    reasons: [`the columns ${names} say ${unit === 'm' ? 'metres' : 'feet'}`],
  };
}
