// Imports a laboratory certificate: results attached to existing samples by sample ID, each with the
// certificate number, method and lab; a second result for a sample and analyte is kept beside the first
// (next seq) and the preferred one re-decided by the method priority. Unknown and ambiguous sample IDs
// are listed, never guessed. One transaction; a dry run reports and writes nothing.
import { basename } from 'node:path';
import type { CertificateImportSummary, CertificateResultCount } from '../../api/import-wizard-types';
import { parseLabValue, ppmFactor } from '../../domain/assay-values';
import { projectMissingSentinels } from '../settings/project-settings';
import {
  CertificateFormatError,
  parseLabCertificate,
  type CertificateRow,
} from '../../domain/certificates/lab-certificate';
import { CsvTokenizer } from '../../domain/csv/csv-tokenizer';
import { sniffDialect, type TextEncoding } from '../../domain/csv/sniff';
import type { AnalyteUnit, AssayFlag, ProjectSettings } from '../../domain/model';
import { analytesByCode, ResultWriter, samplesById } from '../../storage/assay-results-store';
import { beginChangeSet, createAuditWriter, type ChangeSource } from '../../storage/audit';
import { findCertificate, insertCertificate } from '../../storage/certificate-store';
import { lastProblemId, problemsSince } from '../../storage/import-problems';
import { ImportWriter } from '../../storage/import-writer';
import type { Database } from '../../storage/project-db';
import { StorageError } from '../../storage/storage-error';
import { updatePreferred, type PairKey } from '../assays/preferred-results';
import { ImportError } from '../import/import-engine';
import { fileFormat } from '../import/import-sources';
import { FileReadError, openTextFile } from '../import/text-source';
import { readXlsxRows } from '../import/xlsx-source';
import { refreshQaqcWarnings } from '../qaqc/qaqc-upkeep';
import { validateHoles, validationSettings } from '../validation/validate-project';

export interface CertificateImportRequest {
  path: string;
  dryRun?: boolean;
  /** The lab's name when the certificate does not say it. */
  lab?: string;
  /** The certificate number when the header block has none. */
  certificate?: string;
  negativeIsBelowDetection?: boolean;
  encoding?: TextEncoding;
  delimiter?: string;
  sheet?: string;
}

/** Certificates are small: read whole, either as delimited text or from a workbook sheet. */
export async function readCertificateRows(request: CertificateImportRequest): Promise<CertificateRow[]> {
  if (fileFormat(request.path) === 'xlsx') {
    const rows: CertificateRow[] = [];
    await readXlsxRows(request.path, request.sheet, (cells, line) => {
      rows.push({ fields: cells, line });
    });
    return rows;
  }
  const reader = openTextFile(request.path, request.encoding);
  let text = '';
  try {
    for (let chunk = reader.next(); chunk !== null; chunk = reader.next()) {
      text += chunk;
      if (text.length > 64 * 1024 * 1024)
        throw new FileReadError(request.path, `${request.path} is larger than 64 MB: not a lab certificate.`);
    }
  } finally {
    reader.close();
  }
  const delimiter = request.delimiter ?? sniffDialect(text.slice(0, 64 * 1024)).delimiter;
  const rows: CertificateRow[] = [];
  const tokenizer = new CsvTokenizer({ delimiter });
  const collect = (fields: string[], line: number) => rows.push({ fields, line });
  try {
    tokenizer.push(text, collect);
    tokenizer.end(collect);
  } catch (error) {
    throw new FileReadError(request.path, `${request.path}: ${(error as Error).message}`);
  }
  return rows;
}

class DryRunFinished extends Error {}

function convert(value: number | null, from: AnalyteUnit, to: AnalyteUnit): number | null {
  if (value === null || from === to) return value;
  return Number(((value * ppmFactor(from)) / ppmFactor(to)).toPrecision(12));
}

export function importCertificate(
  db: Database,
  project: ProjectSettings,
  rows: readonly CertificateRow[],
  request: CertificateImportRequest,
  who: { osUser: string; source: ChangeSource },
): CertificateImportSummary {
  let parsed;
  try {
    parsed = parseLabCertificate(rows);
  } catch (error) {
    if (error instanceof CertificateFormatError)
      throw new ImportError(`${request.path}${error.line ? `, line ${error.line}` : ''}: ${error.message}`);
    throw error;
  }
  const certificate = request.certificate?.trim() || parsed.certificate;
  if (!certificate) {
    throw new ImportError(
      `${request.path}: the header block gives no certificate (or job) number. Give it with the import (certificate number field, or --certificate).`,
    );
  }
  const earlier = findCertificate(db, certificate);
  if (earlier) {
    throw new StorageError(
      'conflict',
      `Certificate ${certificate} was already imported on ${earlier.imported_at.slice(0, 10)} from ${earlier.file_name} (${earlier.results} results). A revised certificate needs its own number; nothing was imported.`,
    );
  }
  const lab = request.lab?.trim() || parsed.lab;
  const negativeIsBelowDetection = request.negativeIsBelowDetection ?? true;
  const missingSentinels = projectMissingSentinels(db);
  const matches = samplesById(
    db,
    parsed.samples.map((sample) => sample.sampleId),
  );
  const problemsBefore = lastProblemId(db);
  let summary: CertificateImportSummary | undefined;
  const holes = new Set<number>();
  const work = db.transaction(() => {
    const importWriter = new ImportWriter(db);
    const stored = analytesByCode(db);
    const notes: string[] = [];
    const columns = parsed.columns.map((column) => {
      const exact = stored.find((analyte) => analyte.code === column.analyte);
      const loose = stored.filter((analyte) => analyte.code.toLowerCase() === column.analyte.toLowerCase());
      const existing = exact ?? (loose.length === 1 ? loose[0] : undefined);
      if (existing && existing.code !== column.analyte)
        notes.push(
          `Analyte ${column.analyte} of the certificate was matched to the project's ${existing.code}.`,
        );
      const id =
        existing?.id ??
        importWriter.analyteId({
          code: column.analyte,
          unit: column.unit,
          detection_limit: column.detectionLimit,
          upper_limit: column.upperLimit,
        }).id;
      const unit = existing?.unit ?? column.unit;
      if (unit !== column.unit)
        notes.push(
          `${column.method ?? ''} ${column.analyte} is reported in ${column.unit} and converted to the project's ${unit}; the lab's text is kept as written.`.trim(),
        );
      const count: CertificateResultCount = {
        analyte: existing?.code ?? column.analyte,
        method: column.method,
        unit,
        convertedFrom: unit !== column.unit ? column.unit : null,
        results: 0,
        flags: {},
        reassays: 0,
      };
      return { column, id, unit, count };
    });
    const writer = new ResultWriter(db);
    const nextSeq = new Map<string, number>();
    const firstNewSeq = new Map<string, number>();
    const touched: PairKey[] = [];
    const unknownSamples: CertificateImportSummary['unknownSamples'] = [];
    const ambiguousSamples: CertificateImportSummary['ambiguousSamples'] = [];
    let matched = 0;
    let written = 0;
    let reassays = 0;
    for (const sample of parsed.samples) {
      const found = matches.get(sample.sampleId) ?? [];
      if (found.length === 0) {
        unknownSamples.push({ sampleId: sample.sampleId, line: sample.line });
        continue;
      }
      if (found.length > 1) {
        ambiguousSamples.push({
          sampleId: sample.sampleId,
          line: sample.line,
          holes: found.map((match) => match.hole_id),
        });
        continue;
      }
      const target = found[0]!;
      matched++;
      holes.add(target.hole);
      sample.results.forEach((text, index) => {
        if (text === '') return;
        const entry = columns[index]!;
        const result = parseLabValue(text, { negativeIsBelowDetection, missingSentinels });
        const key = `${target.id}:${entry.id}`;
        let seq = nextSeq.get(key);
        if (seq === undefined) {
          seq = writer.nextSeq(target.id, entry.id);
          firstNewSeq.set(key, seq);
          touched.push({ sample: target.id, analyte: entry.id });
        }
        nextSeq.set(key, seq + 1);
        if (seq > 0) {
          reassays++;
          entry.count.reassays++;
        }
        writer.insert({
          sample: target.id,
          analyte: entry.id,
          seq,
          value: convert(result.value, entry.column.unit, entry.unit),
          lab_text: text,
          flag: result.flag,
          method: entry.column.method,
          lab,
          certificate,
          lab_unit: entry.unit !== entry.column.unit ? entry.column.unit : null,
        });
        written++;
        entry.count.results++;
        const flags = entry.count.flags as Record<AssayFlag, number>;
        flags[result.flag] = (flags[result.flag] ?? 0) + 1;
      });
    }
    const changeSet = beginChangeSet(db, {
      source: who.source,
      osUser: who.osUser,
      description: `Lab certificate ${certificate} (${basename(request.path)})`,
    });
    const audit = createAuditWriter(db, changeSet);
    audit({
      action: 'import',
      table: 'assay_results',
      rowId: null,
      column: null,
      oldValue: null,
      newValue: { certificate, file: request.path, samples: matched, results: written, reassays },
    });
    const preferred = updatePreferred(db, touched, audit, (pair, seq) => {
      const first = firstNewSeq.get(`${pair.sample}:${pair.analyte}`);
      return first !== undefined && seq >= first;
    });
    insertCertificate(db, {
      certificate,
      lab,
      client: parsed.client,
      project: parsed.project,
      reported_on: parsed.reportedOn,
      file_name: basename(request.path),
      header: parsed.header.map(({ key, value }) => ({ key, value })),
      columns: parsed.columns,
      samples: matched,
      results: written,
      unknown_samples: unknownSamples.map((sample) => sample.sampleId),
      change_set: changeSet,
      imported_at: new Date().toISOString(),
    });
    if (holes.size > 0) validateHoles(db, validationSettings(db, project.length_unit), [...holes]);
    // A new batch brings its own standards and blanks: its failures warn its samples (issue 10).
    if (holes.size > 0) refreshQaqcWarnings(db);
    if (parsed.emptyLines.length > 0)
      notes.push(
        parsed.emptyLines.length === 1
          ? `1 line with a sample ID but no result was skipped (line ${parsed.emptyLines[0]}).`
          : `${parsed.emptyLines.length} lines with a sample ID but no result were skipped (lines ${parsed.emptyLines.slice(0, 10).join(', ')}${parsed.emptyLines.length > 10 ? ', ...' : ''}).`,
      );
    summary = {
      dryRun: request.dryRun ?? false,
      committed: !(request.dryRun ?? false),
      path: request.path,
      certificate,
      lab,
      client: parsed.client,
      project: parsed.project,
      reportedOn: parsed.reportedOn,
      header: parsed.header.map(({ key, value }) => ({ key, value })),
      columns: columns.map((entry) => entry.count),
      skippedColumns: parsed.skippedColumns.map(({ label, reason }) => ({ label, reason })),
      samplesInFile: parsed.samples.length,
      samplesMatched: matched,
      resultsWritten: written,
      reassays,
      preferredChanged: preferred.replaced,
      unknownSamples,
      ambiguousSamples,
      labQc: parsed.labQc.map(({ sampleId, type, line }) => ({ sampleId, type, line })),
      notes,
      touchedProblems: problemsSince(db, problemsBefore),
      changeSet: request.dryRun ? null : changeSet,
    };
    if (request.dryRun) throw new DryRunFinished();
  });
  try {
    work.immediate();
  } catch (error) {
    if (!(error instanceof DryRunFinished)) throw error;
  }
  return summary!;
}
