// Writes an assay file's samples and results from converted batches (assay-batches.ts), inline or fed
// by the reader thread (assay-stream.ts), and streams them past validation as before.
import type { ImportedFileSummary, ImportRequest } from '../../api/import-types';
import { MISSING_SENTINELS, plausibleLimit } from '../../domain/assay-values';
import { convertAssayValue } from '../../domain/import/analyte-units';
import { nounFor, plural } from '../../domain/report/plural';
import type { ColumnMapping } from '../../domain/import/header-mapping';
import { ASSAY_FLAGS, SAMPLE_TYPES, type AnalyteUnit } from '../../domain/model';
import type { ResultUnderTest } from '../../domain/validation/assay-checks';
import { intervalName, isIntervalSample, sampleLabel, sentenceStart } from '../../domain/validation/rules';
import type { AssayBatch } from './assay-batches';
import { AssayStreamCancelled, streamAssayBatches } from './assay-stream';
import { holeFor, type ImportContext } from './import-context';
import { ImportCancelled } from './import-errors';
import type { RowSource } from './import-sources';
import { fileName } from './unit-plan';

const INVALID = ASSAY_FLAGS.indexOf('invalid');
const BDL = ASSAY_FLAGS.indexOf('bdl');

export interface StoredAnalyte {
  column: number;
  code: string;
  /** The unit stored: the analyte's. */
  unit: AnalyteUnit;
  id: number;
  /** The file's unit, when its results are converted to `unit`. */
  labUnit?: AnalyteUnit;
}

export interface AssayFileResult {
  rows: number;
  stored: number;
  refused: number;
  results: ImportedFileSummary['results'];
  missingCodes: ImportedFileSummary['missingCodes'];
  /** Lab texts of below-detection codes whose limit cannot be (over 100 %), as written. */
  implausibleLimits: string[];
}

export function importAssayRows(
  context: ImportContext,
  fileSpec: ImportRequest['files'][number],
  file: RowSource,
  mapping: ColumnMapping,
  analytes: readonly StoredAnalyte[],
): AssayFileResult {
  const { writer, validation } = context;
  const flagCounts = new Float64Array(ASSAY_FLAGS.length);
  const analyteIds = analytes.map((analyte) => analyte.id);
  const percent = analytes.map((analyte) => analyte.unit === '%');
  const labUnits = analytes.map((analyte) => analyte.labUnit);
  const plausible = analytes.map((analyte) => plausibleLimit(analyte.unit));
  const missingCodes = new Map<string, number>();
  const implausibleLimits: string[] = [];
  let rows = 0;
  let stored = 0;
  let refused = 0;
  const labTexts: string[] = [];
  const store = (batch: AssayBatch) => {
    const { text, textEnds, numbers, resultStart, resultAnalyte, resultValue, resultFlag } = batch;
    let slot = 0;
    let start = 0;
    const next = () => {
      const end = textEnds[slot++]!;
      const value = text.slice(start, end);
      start = end;
      return value;
    };
    let holeId = '';
    let hole = 0;
    for (let row = 0; row < batch.count; row++) {
      const changed = next();
      if (row === 0 || changed !== '') {
        holeId = changed;
        hole = holeFor(context, holeId);
      }
      const sampleId = next() || null;
      const parent = next() || null;
      const standard = next() || null;
      const comments = next() || null;
      const from = numbers[row * 3]!;
      const to = numbers[row * 3 + 1]!;
      const densityValue = numbers[row * 3 + 2]!;
      const type = SAMPLE_TYPES[batch.types[row]!]!;
      const sample = writer.insertSample(
        hole,
        from,
        to,
        sampleId,
        type,
        parent,
        standard,
        Number.isNaN(densityValue) ? null : densityValue,
        comments,
      );
      let needsCheck = false;
      const first = resultStart[row]!;
      const last = resultStart[row + 1]!;
      labTexts.length = 0;
      for (let r = first; r < last; r++) {
        const analyte = resultAnalyte[r]!;
        const flagIndex = resultFlag[r]!;
        const labText = next();
        labTexts.push(labText);
        flagCounts[flagIndex]!++;
        if (flagIndex === INVALID || percent[analyte]) needsCheck = true;
        const labUnit = labUnits[analyte];
        // A converted column: the number used for calculation is in the analyte's unit (and so is the
        // plausibility check below); the lab's text stays as written and its unit is recorded.
        const value =
          labUnit === undefined || Number.isNaN(resultValue[r]!)
            ? resultValue[r]!
            : convertAssayValue(resultValue[r]!, labUnit, analytes[analyte]!.unit);
        resultValue[r] = value;
        if (flagIndex === BDL && value > plausible[analyte]!) {
          needsCheck = true;
          implausibleLimits.push(labText);
        }
        if (labUnit !== undefined) {
          writer.insertConvertedAssay(
            sample,
            analyteIds[analyte]!,
            Number.isNaN(value) ? null : value,
            labText,
            ASSAY_FLAGS[flagIndex]!,
            labUnit,
          );
          continue;
        }
        writer.insertAssay(
          sample,
          analyteIds[analyte]!,
          Number.isNaN(value) ? null : value,
          labText,
          ASSAY_FLAGS[flagIndex]!,
          null,
          null,
          null,
        );
      }
      const label = sampleLabel(sampleId);
      validation.touch(hole, 'samples');
      if (isIntervalSample(type))
        validation.samples.add(hole, { id: sample, depth_from: from, depth_to: to, label });
      if (needsCheck) {
        const results: ResultUnderTest[] = [];
        for (let r = first; r < last; r++) {
          const analyte = analytes[resultAnalyte[r]!]!;
          const value = resultValue[r]!;
          results.push({
            analyte: analyte.code,
            unit: analyte.unit,
            value: Number.isNaN(value) ? null : value,
            flag: ASSAY_FLAGS[resultFlag[r]!]!,
            lab_text: labTexts[r - first]!,
          });
        }
        const name = () => sentenceStart(intervalName(label, holeId, from, to, context.project.length_unit));
        validation.sampleAssays(hole, holeId, sample, name, results);
      }
    }
    for (const refusal of batch.refusals) context.refused.push({ file: fileName(fileSpec), ...refusal });
    for (const [text, count] of batch.sentinels)
      missingCodes.set(text, (missingCodes.get(text) ?? 0) + count);
    rows += batch.rows;
    stored += batch.count;
    refused += batch.refusals.length;
    context.control.onProgress?.({
      file: fileSpec.path,
      kind: fileSpec.kind,
      bytesRead: batch.bytesRead,
      totalBytes: file.size,
      rows,
    });
  };
  try {
    streamAssayBatches(
      file,
      file.workerSpec,
      {
        header: file.header,
        fields: mapping.fields,
        analyteColumns: analytes.map((analyte) => analyte.column),
        conventions: {
          decimalComma: file.dialect.decimalComma,
          fileUnit: context.request.lengthUnit ?? context.project.length_unit,
          projectUnit: context.project.length_unit,
          fileDips: context.dips.files,
          projectDips: context.project.dip_convention,
        },
        negativeIsBelowDetection: context.labOptions.negativeIsBelowDetection,
        codes: [...(context.labOptions.codes ?? new Map())],
        missingSentinels: [...(context.labOptions.missingSentinels ?? [])],
      },
      context.control.parseMode ?? 'auto',
      store,
      () => context.control.isCancelled?.() ?? false,
    );
  } catch (error) {
    if (error instanceof AssayStreamCancelled) throw new ImportCancelled();
    throw error;
  }
  const results: ImportedFileSummary['results'] = {};
  ASSAY_FLAGS.forEach((flag, index) => {
    if (flagCounts[index]! > 0) results[flag] = flagCounts[index]!;
  });
  return {
    rows,
    stored,
    refused,
    results,
    missingCodes: [...missingCodes].map(([text, count]) => ({ text, count })),
    implausibleLimits,
  };
}

/** The summary's words on missing-value codes and impossible detection limits read from an assay file. */
export function noteAssayCodes(
  context: ImportContext,
  name: string,
  missingCodes: ImportedFileSummary['missingCodes'],
  implausible: readonly string[],
): void {
  const total = missingCodes.reduce((sum, code) => sum + code.count, 0);
  if (total > 0) {
    const own = context.labOptions.missingSentinels ?? [];
    const codes = [...MISSING_SENTINELS, ...own].join(', ');
    context.notes.push(
      `${name}: ${plural(total, 'result')} read as missing-value codes (no result), not as below detection: ${missingCodes.map((code) => `${code.text} (${code.count})`).join(', ')}. Codes: ${codes}${own.length > 0 ? '' : ' (setting assays.missing_sentinels adds others)'}.`,
    );
  }
  if (implausible.length > 0) {
    const texts = [...new Set(implausible)];
    context.notes.push(
      `${name}: ${plural(implausible.length, 'result')} ${nounFor(implausible.length, 'is')} ${nounFor(implausible.length, 'a below-detection code', 'below-detection codes')} whose detection limit would be over 100 % (1,000,000 ppm): ${texts.slice(0, 10).join(', ')}${texts.length > 10 ? ', ...' : ''}; flagged as errors (assay-implausible-limit).`,
    );
  }
}
