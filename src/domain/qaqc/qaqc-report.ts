// QA/QC of a whole project from its inserts' results: a control chart per standard and analyte that the
// standards table knows, the blanks and duplicates per analyte, and every failure. Pure: storage hands
// over the rows, services decide what to show and store.
import type { AnalyteUnit } from '../model';
import { blankCheck, type BlankCheck } from './blanks';
import { controlChart, type ControlChart } from './control-chart';
import { duplicateCheck, type DuplicateCheck, type DuplicateInput } from './duplicates';
import { standardKey, type QaqcSettings, type QcResult, type StandardValue } from './qaqc-model';
import { blankFailures, standardFailures, type QcFailure } from './qaqc-warnings';

export interface QcAnalyte {
  code: string;
  unit: AnalyteUnit;
  detectionLimit: number | null;
}

export type StandardResult = QcResult & { analyte: string; standardCode: string | null };
export type BlankResult = QcResult & { analyte: string };
export type DuplicateResult = DuplicateInput & { analyte: string };

export interface QcData {
  analytes: readonly QcAnalyte[];
  standards: readonly StandardValue[];
  standardResults: readonly StandardResult[];
  blankResults: readonly BlankResult[];
  duplicates: readonly DuplicateResult[];
}

export interface StandardUse {
  /** The code as first written on an insert. */
  code: string;
  inserts: number;
  /** Analytes with results on these inserts, and whether the standards table has values for them. */
  analytes: { analyte: string; results: number; inTable: boolean }[];
}

const analyteKey = (code: string) => code.toLowerCase();

function entryKey(code: string, analyte: string): string {
  return `${standardKey(code)}\u0000${analyteKey(analyte)}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The standards the inserts name, with their analytes and whether the table covers them. */
export function standardUses(data: QcData): StandardUse[] {
  const table = new Set(data.standards.map((s) => entryKey(s.code, s.analyte)));
  const byCode = groupBy(
    data.standardResults.filter((r) => r.standardCode !== null && r.standardCode.trim() !== ''),
    (r) => standardKey(r.standardCode!),
  );
  return [...byCode.values()]
    .map((results) => {
      const code = results[0]!.standardCode!.trim();
      const byAnalyte = groupBy(results, (r) => analyteKey(r.analyte));
      return {
        code,
        inserts: new Set(results.map((r) => r.rowId)).size,
        analytes: [...byAnalyte.values()].map((list) => ({
          analyte: list[0]!.analyte,
          results: list.length,
          inTable: table.has(entryKey(code, list[0]!.analyte)),
        })),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Standard inserts with no code at all: they cannot be judged and are counted. */
export function standardsWithoutCode(data: QcData): number {
  return new Set(
    data.standardResults
      .filter((r) => r.standardCode === null || r.standardCode.trim() === '')
      .map((r) => r.rowId),
  ).size;
}

function analyteOf(data: QcData, code: string): QcAnalyte | undefined {
  return data.analytes.find((a) => analyteKey(a.code) === analyteKey(code));
}

/** The control chart of one standard and analyte, or null when the table or the project lacks either. */
export function chartOf(data: QcData, code: string, analyte: string): ControlChart | null {
  const standard = data.standards.find((s) => entryKey(s.code, s.analyte) === entryKey(code, analyte));
  const info = analyteOf(data, analyte);
  if (!standard || !info) return null;
  const results = data.standardResults.filter(
    (r) => r.standardCode !== null && entryKey(r.standardCode, r.analyte) === entryKey(code, analyte),
  );
  return controlChart({ ...standard, analyte: info.code }, info.unit, results);
}

/** Every control chart the standards table and the inserts allow. */
export function allCharts(data: QcData): ControlChart[] {
  const charts: ControlChart[] = [];
  for (const use of standardUses(data)) {
    for (const entry of use.analytes) {
      if (!entry.inTable) continue;
      const chart = chartOf(data, use.code, entry.analyte);
      if (chart) charts.push(chart);
    }
  }
  return charts;
}

export function blanksOf(data: QcData, analyte: string, settings: QaqcSettings): BlankCheck | null {
  const info = analyteOf(data, analyte);
  if (!info) return null;
  const results = data.blankResults.filter((r) => analyteKey(r.analyte) === analyteKey(info.code));
  return blankCheck(info.code, info.unit, info.detectionLimit, settings.blankFactor, results);
}

export function duplicatesOf(data: QcData, analyte: string, settings: QaqcSettings): DuplicateCheck | null {
  const info = analyteOf(data, analyte);
  if (!info) return null;
  const inputs = data.duplicates.filter((d) => analyteKey(d.analyte) === analyteKey(info.code));
  return duplicateCheck(info.code, info.unit, info.detectionLimit, settings.duplicateFactor, inputs);
}

/** Every standard and blank failure of the project, analyte by analyte. */
export function allFailures(data: QcData, settings: QaqcSettings): QcFailure[] {
  const failures: QcFailure[] = [];
  for (const chart of allCharts(data)) failures.push(...standardFailures(chart));
  for (const analyte of data.analytes) {
    const blanks = blanksOf(data, analyte.code, settings);
    if (blanks) failures.push(...blankFailures(blanks));
  }
  return failures;
}
