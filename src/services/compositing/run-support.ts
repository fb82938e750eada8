// What every compositing run shares: who is running it and how progress and cancel reach it, which
// holes validation keeps out and why, matching analyte codes, and saving the finished run.
import { createHash } from 'node:crypto';
import type { ExcludedHole, RunInfo } from '../../api/compositing-types';
import type { UnitConversion } from '../../domain/compositing/grade-units';
import type { RunKind } from '../../domain/compositing/run-results';
import type { ResultTable } from '../../domain/compositing/result-table';
import type { LengthUnit } from '../../domain/model';
import {
  anyErrorReason,
  errorsConcern,
  exclusionReason,
  type CalculationReads,
  type ExclusionRule,
  type HoleErrors,
} from '../../domain/validation/calculation-reads';
import { holeErrorSummaries } from '../../storage/compositing-scan';
import type { Database } from '../../storage/project-db';
import { listAnalytes } from '../../storage/project-queries';
import { encodeResultTable } from '../../storage/result-table-codec';
import { saveRun, type RunRecord, type StoredRun } from '../../storage/runs-store';
import { JobCancelled } from '../jobs/job-types';

/** Version of the calculation code, saved with every run: results may differ between versions. */
export const ENGINE = 'drillbench-compositing/2';

export interface RunControl {
  osUser: string;
  /** 'cli', 'api', ... recorded with the run. */
  source: string;
  /** Called after each hole. */
  progress?: (done: number, total: number, message: string) => void;
  /** Checked between holes; a run that sees it throws JobCancelled and saves nothing. */
  cancelled?: () => boolean;
  /** Save the run (default true); verification re-runs without saving. */
  save?: boolean;
  /** Which validation errors leave a hole out (default 'reads'); verification uses the run's own. */
  exclusion?: ExclusionRule;
}

/** Parameters a user must change; `details` say which field and why. */
export class RunParamsError extends Error {
  constructor(
    message: string,
    readonly details: { where: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'RunParamsError';
  }
}

export interface RunContextRecord {
  lengthUnit: LengthUnit;
  analytes: { code: string; unit: string; decimals: number }[];
  /**
   * Intercepts: the expression as compiled, its label, the unit of its grade and the analytes converted
   * into it (absent in runs saved before units were converted).
   */
  expression?: {
    text: string;
    label: string;
    analytes: string[];
    unit: string;
    conversions?: UnitConversion[];
  };
  /** Composites restarted at lithology boundaries. */
  domains?: boolean;
  /** How holes were left out for validation errors; runs saved before the rule have none ('any-error'). */
  exclusion?: ExclusionRule;
}

export interface RunOutcome {
  run: RunInfo;
  table: ResultTable;
  /** [hole ID, digest of its rows] for every hole read, in reading order. */
  holeDigests: [string, string][];
  /** What the calculation read of each hole (which validation errors could leave a hole out). */
  reads: CalculationReads;
}

/** Milliseconds to pause after each hole: DRILLBENCH_JOB_PACE_MS, so end-to-end tests can press Cancel. */
function testPace(): number {
  const ms = Number(process.env.DRILLBENCH_JOB_PACE_MS ?? 0);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

/** Reports progress and honours cancel between holes. */
export function stepper(control: RunControl, total: number, verb: string) {
  // Read once: process.env is slow to read ten thousand times.
  const pace = testPace();
  const sleeper = pace > 0 ? new Int32Array(new SharedArrayBuffer(4)) : null;
  return (done: number, holeId: string) => {
    if (control.cancelled?.()) throw new JobCancelled();
    control.progress?.(done, total, `${verb} ${holeId} (${done} of ${total} holes)`);
    if (sleeper) Atomics.wait(sleeper, 0, 0, pace);
  };
}

/**
 * Holes left out by validation, by row id, with the reason in words. Under the 'reads' rule only errors in
 * what the calculation reads count (calculation-reads.ts); under 'any-error', the rule of older runs,
 * every error does.
 */
export function holesLeftOut(
  db: Database,
  reads: CalculationReads,
  rule: ExclusionRule = 'reads',
): Map<number, ExcludedHole> {
  const byHole = new Map<number, { holeId: string; errors: HoleErrors[] }>();
  for (const summary of holeErrorSummaries(db)) {
    if (rule === 'reads' && !errorsConcern(summary, reads)) continue;
    const entry = byHole.get(summary.rowId);
    if (entry) entry.errors.push(summary);
    else byHole.set(summary.rowId, { holeId: summary.holeId, errors: [summary] });
  }
  const out = new Map<number, ExcludedHole>();
  for (const [rowId, { holeId, errors }] of byHole) {
    const reason = rule === 'reads' ? exclusionReason(errors) : anyErrorReason(errors);
    out.set(rowId, { holeId, reason, source: 'validation' });
  }
  return out;
}

/** Splits the holes asked for into those left out for validation errors and those to read. */
export function splitHoles<T extends { rowId: number }>(
  db: Database,
  holes: readonly T[],
  reads: CalculationReads,
  control: RunControl,
): { excluded: ExcludedHole[]; toRead: T[] } {
  const leftOut = holesLeftOut(db, reads, control.exclusion);
  return {
    excluded: holes.flatMap((h) => leftOut.get(h.rowId) ?? []),
    toRead: holes.filter((h) => !leftOut.has(h.rowId)),
  };
}

export interface ProjectAnalyte {
  id: number;
  code: string;
  unit: string;
  decimals: number;
}

export function projectAnalytes(db: Database): ProjectAnalyte[] {
  return listAnalytes(db).map((a) => ({ id: a.id, code: a.code, unit: a.unit, decimals: a.decimals }));
}

/** Finds analytes by code: the exact spelling, or the one code that matches regardless of case. */
export function matchAnalytes(
  requested: readonly string[],
  analytes: readonly ProjectAnalyte[],
  field: string,
): ProjectAnalyte[] {
  return requested.map((code) => {
    const exact = analytes.find((a) => a.code === code);
    if (exact) return exact;
    const loose = analytes.filter((a) => a.code.toLowerCase() === code.toLowerCase());
    if (loose.length === 1) return loose[0]!;
    const known = analytes.map((a) => a.code).join(', ') || 'none yet';
    throw new RunParamsError(`${code} is not an analyte of this project (analytes: ${known}).`, [
      { where: field, message: `${code} is not an analyte of this project (analytes: ${known}).` },
    ]);
  });
}

export function uniqueById(list: readonly ProjectAnalyte[]): ProjectAnalyte[] {
  const seen = new Set<number>();
  return list.filter((a) => !seen.has(a.id) && seen.add(a.id));
}

/** The canonical header of a scan: what is read, in which units, and which holes are left out. */
export function scanHeader(parts: {
  tables: string[];
  analytes: readonly ProjectAnalyte[];
  lengthUnit: LengthUnit;
  dipConvention: string;
  excluded: readonly ExcludedHole[];
}): string {
  return JSON.stringify({
    format: 1,
    tables: parts.tables,
    analytes: parts.analytes.map((a) => [a.id, a.code, a.unit]),
    lengthUnit: parts.lengthUnit,
    dipConvention: parts.dipConvention,
    excluded: parts.excluded.map((h) => [h.holeId, h.reason]),
  });
}

export function toRunInfo(stored: StoredRun): RunInfo {
  const context = stored.context as RunContextRecord;
  return {
    id: stored.id,
    kind: stored.kind,
    params: stored.params,
    preset: stored.preset,
    dataHash: stored.dataHash,
    resultsHash: stored.resultsHash,
    startedAt: stored.startedAt,
    finishedAt: stored.finishedAt,
    osUser: stored.osUser,
    source: stored.source,
    engine: stored.engine,
    holesRead: stored.holesRead,
    samplesRead: stored.samplesRead,
    resultRows: stored.resultRows,
    excluded: stored.excluded,
    notes: stored.notes,
    lengthUnit: context.lengthUnit,
    analytes: context.analytes.map(({ code, unit }) => ({ code, unit })),
  };
}

export interface FinishedRun {
  kind: RunKind;
  params: unknown;
  preset: string | null;
  context: RunContextRecord;
  dataHash: string;
  holeDigests: [string, string][];
  startedAt: string;
  holesRead: number;
  samplesRead: number;
  excluded: ExcludedHole[];
  reads: CalculationReads;
  notes: string[];
  table: ResultTable;
}

/** Encodes the results, hashes them and saves the run (unless told not to). */
export function finishRun(db: Database, finished: FinishedRun, control: RunControl): RunOutcome {
  const results = encodeResultTable(finished.table);
  const record: RunRecord = {
    kind: finished.kind,
    params: finished.params,
    preset: finished.preset,
    context: { ...finished.context, exclusion: control.exclusion ?? 'reads' },
    dataHash: finished.dataHash,
    resultsHash: createHash('sha256').update(results).digest('hex'),
    startedAt: finished.startedAt,
    finishedAt: new Date().toISOString(),
    osUser: control.osUser,
    source: control.source,
    engine: ENGINE,
    holesRead: finished.holesRead,
    samplesRead: finished.samplesRead,
    resultRows: finished.table.rowCount,
    excluded: finished.excluded,
    notes: finished.notes,
  };
  const id = control.save === false ? 0 : saveRun(db, record, results, finished.holeDigests);
  return {
    run: toRunInfo({ id, ...record }),
    table: finished.table,
    holeDigests: finished.holeDigests,
    reads: finished.reads,
  };
}
