// Reads a laboratory's certificate of analysis as CSV rows: a header block of key/value lines (client,
// certificate number, dates), descriptor rows naming each column's analyte, unit, method and detection
// limit, then one row per sample. Written for the layouts Bureau Veritas (Acme), ALS and SGS export:
// the descriptor label may sit in the first or second column, and lab QC rows are told apart.
import { isAnalyteUnit } from '../assay-values';
import type { AnalyteUnit } from '../model';
import { parseNumber } from '../table-fields';

export interface CertificateRow {
  fields: readonly string[];
  line: number;
}

export interface CertificateColumn {
  column: number;
  analyte: string;
  unit: AnalyteUnit;
  /** The unit as the lab wrote it ('pct', 'gpt'), kept for the record. */
  unitText: string;
  method: string | null;
  detectionLimit: number | null;
  upperLimit: number | null;
}

export interface CertificateSample {
  sampleId: string;
  type: string | null;
  line: number;
  /** Result text per certificate column, in the order of `columns`. */
  results: string[];
}

export interface LabCertificate {
  /** Every key/value line of the header block, as written. */
  header: { key: string; value: string; line: number }[];
  certificate: string | null;
  lab: string | null;
  client: string | null;
  project: string | null;
  reportedOn: string | null;
  columns: CertificateColumn[];
  /** Columns not imported (a weight in kg, an unknown unit), with the reason. */
  skippedColumns: { column: number; label: string; reason: string }[];
  samples: CertificateSample[];
  /** The lab's own standards, blanks and repeats: reported, never attached to project samples. */
  labQc: CertificateSample[];
  /** Lines with a sample ID but no result at all (footnotes, empty rows). */
  emptyLines: number[];
}

export class CertificateFormatError extends Error {
  constructor(
    readonly line: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'CertificateFormatError';
  }
}

const norm = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

const DESCRIPTORS: Record<string, 'analyte' | 'method' | 'unit' | 'detection' | 'upper'> = {
  analyte: 'analyte',
  analytes: 'analyte',
  element: 'analyte',
  elements: 'analyte',
  parameter: 'analyte',
  method: 'method',
  methods: 'method',
  methodcode: 'method',
  scheme: 'method',
  package: 'method',
  unit: 'unit',
  units: 'unit',
  mdl: 'detection',
  ldl: 'detection',
  dl: 'detection',
  lod: 'detection',
  lor: 'detection',
  lowerlimit: 'detection',
  detectionlimit: 'detection',
  lowerdetectionlimit: 'detection',
  upperlimit: 'upper',
  udl: 'upper',
  upperdetectionlimit: 'upper',
  overlimit: 'upper',
};

const HEADER_KEYS: Record<string, 'certificate' | 'lab' | 'client' | 'project' | 'reportedOn'> = {
  certificate: 'certificate',
  certificateno: 'certificate',
  certificatenumber: 'certificate',
  certificateofanalysis: 'certificate',
  jobnumber: 'certificate',
  jobno: 'certificate',
  job: 'certificate',
  workorder: 'certificate',
  reportnumber: 'certificate',
  batch: 'certificate',
  batchno: 'certificate',
  lab: 'lab',
  laboratory: 'lab',
  labname: 'lab',
  client: 'client',
  clientname: 'client',
  company: 'client',
  project: 'project',
  projectname: 'project',
  reportdate: 'reportedOn',
  datereported: 'reportedOn',
  dateofreport: 'reportedOn',
  finalized: 'reportedOn',
  completed: 'reportedOn',
  date: 'reportedOn',
};

const SAMPLE_HEADERS = new Set([
  'sample',
  'sampleid',
  'sampleno',
  'samplenumber',
  'sampledescription',
  'clientid',
]);
const TYPE_HEADERS = new Set(['type', 'sampletype', 'description']);
const LAB_WORDS = /laborator|veritas|\bacme\b|\bals\b|actlabs|\bsgs\b|intertek|assay/i;
const LAB_QC_ID = /^(std|standard|blk|blank|rep|dup|pulp dup|prep dup|crm)\b/i;
const LAB_QC_TYPE =
  /^(std|standard|blk|blank|rep|repeat|dup|duplicate|pulp duplicate|prep duplicate|lab ?qc|crm)$/i;

const UNIT_WORDS: Record<string, AnalyteUnit> = {
  '%': '%',
  pct: '%',
  percent: '%',
  ppm: 'ppm',
  ppb: 'ppb',
  'g/t': 'g/t',
  gpt: 'g/t',
  'g/mt': 'g/t',
  'g/tonne': 'g/t',
  'oz/t': 'oz/t',
  opt: 'oz/t',
  'oz/ton': 'oz/t',
};

export function analyteUnitFrom(text: string): AnalyteUnit | null {
  const trimmed = text.trim();
  if (isAnalyteUnit(trimmed)) return trimmed;
  return UNIT_WORDS[trimmed.toLowerCase()] ?? null;
}

function labelOf(fields: readonly string[]): { at: number; text: string } | null {
  for (let i = 0; i < Math.min(3, fields.length); i++) {
    const text = fields[i]?.trim() ?? '';
    if (text !== '') return { at: i, text };
  }
  return null;
}

const isBlank = (fields: readonly string[]) => fields.every((field) => field.trim() === '');

/** Parses a certificate's rows. Throws CertificateFormatError when no analyte row can be found. */
export function parseLabCertificate(rows: readonly CertificateRow[]): LabCertificate {
  const start = rows.findIndex((row) => {
    const label = labelOf(row.fields);
    return label !== null && DESCRIPTORS[norm(label.text)] === 'analyte';
  });
  if (start < 0) {
    throw new CertificateFormatError(
      null,
      'No "Analyte" (or "Element") row was found, so the columns cannot be told apart. A certificate needs rows labelled Analyte, Unit and Method (and MDL) above the sample rows.',
    );
  }
  // The descriptor block: the analyte row and its labelled neighbours.
  let first = start;
  while (first > 0 && DESCRIPTORS[norm(labelOf(rows[first - 1]!.fields)?.text ?? '')]) first--;
  let last = start;
  while (last + 1 < rows.length && DESCRIPTORS[norm(labelOf(rows[last + 1]!.fields)?.text ?? '')]) last++;
  const labelAt = labelOf(rows[start]!.fields)!.at;
  const descriptor: Partial<Record<'analyte' | 'method' | 'unit' | 'detection' | 'upper', CertificateRow>> =
    {};
  for (let i = first; i <= last; i++) {
    const kind = DESCRIPTORS[norm(labelOf(rows[i]!.fields)!.text)]!;
    descriptor[kind] ??= rows[i]!;
  }

  const certificate: LabCertificate = {
    header: [],
    certificate: null,
    lab: null,
    client: null,
    project: null,
    reportedOn: null,
    columns: [],
    skippedColumns: [],
    samples: [],
    labQc: [],
    emptyLines: [],
  };
  for (const row of rows.slice(0, first)) {
    const label = labelOf(row.fields);
    if (!label) continue;
    const rest = row.fields.slice(label.at + 1).map((field) => field.trim());
    const value = rest.find((field) => field !== '') ?? '';
    const key = label.text.replace(/:\s*$/, '').trim();
    if (value === '') {
      // A line on its own: the lab's letterhead, or a title.
      if (certificate.lab === null && LAB_WORDS.test(key)) certificate.lab = key;
      certificate.header.push({ key, value: '', line: row.line });
      continue;
    }
    certificate.header.push({ key, value, line: row.line });
    const field = HEADER_KEYS[norm(key)];
    if (field && certificate[field] === null) certificate[field] = value;
  }

  const analyteRow = descriptor.analyte!;
  const cell = (row: CertificateRow | undefined, column: number) => row?.fields[column]?.trim() ?? '';
  for (let column = labelAt + 1; column < analyteRow.fields.length; column++) {
    const analyte = cell(analyteRow, column);
    if (analyte === '') continue;
    const unitText = cell(descriptor.unit, column);
    const method = cell(descriptor.method, column);
    const label = [method, analyte, unitText].filter((part) => part !== '').join(' ');
    const unit = analyteUnitFrom(unitText);
    if (!unit) {
      certificate.skippedColumns.push({
        column,
        label,
        reason:
          unitText === ''
            ? 'no unit is given'
            : `"${unitText}" is not an assay unit (%, ppm, ppb, g/t, oz/t)`,
      });
      continue;
    }
    certificate.columns.push({
      column,
      analyte,
      unit,
      unitText,
      method: method === '' ? null : method,
      detectionLimit: parseNumber(cell(descriptor.detection, column).replace(/^</, '')),
      upperLimit: parseNumber(cell(descriptor.upper, column).replace(/^>/, '')),
    });
  }
  if (certificate.columns.length === 0) {
    throw new CertificateFormatError(
      analyteRow.line,
      `Line ${analyteRow.line} names analytes, but none has an assay unit (%, ppm, ppb, g/t, oz/t) in a Unit row; add the units.`,
    );
  }

  // Sample rows follow; an optional column header ("Sample", "Type") says where the ID sits.
  let sampleColumn = 0;
  let typeColumn: number | null = labelAt > 0 ? 1 : null;
  let index = last + 1;
  while (index < rows.length && isBlank(rows[index]!.fields)) index++;
  const maybeHeader = rows[index];
  if (maybeHeader) {
    const names = maybeHeader.fields.map((field) => norm(field));
    const sampleAt = names.findIndex((name, i) => i <= labelAt && SAMPLE_HEADERS.has(name));
    if (sampleAt >= 0) {
      sampleColumn = sampleAt;
      const typeAt = names.findIndex((name, i) => i <= labelAt && i !== sampleAt && TYPE_HEADERS.has(name));
      typeColumn = typeAt >= 0 ? typeAt : null;
      index++;
    }
  }
  for (const row of rows.slice(index)) {
    const sampleId = cell(row, sampleColumn);
    if (sampleId === '') continue;
    const results = certificate.columns.map((column) => cell(row, column.column));
    const type = typeColumn === null ? null : cell(row, typeColumn) || null;
    const sample: CertificateSample = { sampleId, type, line: row.line, results };
    if (results.every((result) => result === '')) certificate.emptyLines.push(row.line);
    else if (LAB_QC_ID.test(sampleId) || (type !== null && LAB_QC_TYPE.test(type)))
      certificate.labQc.push(sample);
    else certificate.samples.push(sample);
  }
  return certificate;
}
