// What the intercepts, composite, desurvey and runs commands share: reading list, cap and plane
// options, running a calculation through the same service the background jobs use, writing its output,
// and printing the news-release report on screen.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { InterceptReport, RunInfo } from '../../api/compositing-types';
import type { RunKind } from '../../domain/compositing/run-results';
import { closeProject, openProject, type Project } from '../../storage/project-db';
import { interceptReport } from '../../services/compositing/intercept-report';
import { exportFormat, exportRun, writeFigureFiles } from '../../services/compositing/run-export';
import type { FigureRequest } from '../../services/sections/report-figures';
import type { StartRequest } from '../../services/compositing/run-params';
import { loadRun, loadRunTable } from '../../services/compositing/run-reading';
import { RunParamsError } from '../../services/compositing/run-support';
import { runKind } from '../../services/compositing/run-verify';
import { osUserName } from '../../services/system/app-paths';
import { formatTable, stringOption, UsageError, type CliIo } from '../cli-command';

/** Parameter names as the command line spells them, for error messages. */
const FLAG_NAMES: Record<string, string> = {
  grade: '--grade',
  gradeUnit: '--grade-unit',
  cutoff: '--cutoff',
  minLength: '--min-length',
  maxDilution: '--max-dilution',
  minGrade: '--min-grade',
  minGradeLength: '--min-gt',
  weighting: '--weight',
  defaultDensity: '--default-density',
  bdl: '--bdl',
  unsampled: '--unsampled',
  caps: '--cap',
  'including.cutoff': '--including-cutoff',
  'including.minLength': '--including-min-length',
  'including.maxDilution': '--including-max-dilution',
  plane: '--plane',
  'plane.dip': '--plane',
  'plane.dipDirection': '--plane',
  holes: '--holes',
  analytes: '--analytes',
  length: '--length',
  anchor: '--anchor',
  residual: '--residual',
  missing: '--missing',
  domains: '--domains',
  step: '--step',
};

export function listOption(values: Record<string, unknown>, name: string): string[] | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (items.length === 0) throw new UsageError(`--${name} needs a comma-separated list, e.g. --${name} A,B.`);
  return items;
}

/** --cap Zn=30 --cap Pb=15 */
export function capsOption(values: Record<string, unknown>): Record<string, number> | undefined {
  const given = values.cap;
  if (!Array.isArray(given) || given.length === 0) return undefined;
  const caps: Record<string, number> = {};
  for (const item of given as string[]) {
    const match = /^([^=]+)=(.+)$/.exec(item);
    const value = match ? Number(match[2]) : NaN;
    if (!match || !Number.isFinite(value) || value <= 0) {
      throw new UsageError(
        `--cap takes ANALYTE=GRADE with a positive grade, e.g. --cap Zn=30 (got "${item}").`,
      );
    }
    caps[match[1]!.trim()] = value;
  }
  return caps;
}

/** --plane 28.5/315 (dip / dip direction), or --plane none. */
export function planeOption(
  values: Record<string, unknown>,
): { dip: number; dipDirection: number } | null | undefined {
  const text = stringOption(values, 'plane');
  if (text === undefined) return undefined;
  if (text.trim().toLowerCase() === 'none') return null;
  const match = /^\s*([-+0-9.eE]+)\s*\/\s*([-+0-9.eE]+)\s*$/.exec(text);
  const dip = match ? Number(match[1]) : NaN;
  const dipDirection = match ? Number(match[2]) : NaN;
  if (!Number.isFinite(dip) || !Number.isFinite(dipDirection)) {
    throw new UsageError(
      `--plane takes DIP/DIP-DIRECTION in degrees, e.g. --plane 28.5/315 for a body dipping 28.5 degrees toward azimuth 315 (got "${text}").`,
    );
  }
  return { dip, dipDirection };
}

/** Drops undefined entries so a flag not given leaves the preset's value. */
export function given(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

export async function withProject<T>(path: string, work: (project: Project) => T | Promise<T>): Promise<T> {
  const project = openProject(path);
  try {
    return await work(project);
  } finally {
    closeProject(project);
  }
}

function usage(error: RunParamsError): UsageError {
  const flagOf = (where: string) => FLAG_NAMES[where] ?? FLAG_NAMES[where.split('.')[0] ?? ''];
  // Details about options become one line per option; anything else (a preset, the analytes of the
  // project) is said best by the message itself.
  if (error.details.length === 0 || error.details.some((detail) => !flagOf(detail.where))) {
    return new UsageError(error.message);
  }
  const lines = error.details.map((detail) => `  ${flagOf(detail.where)}: ${detail.message}`);
  return new UsageError(`The parameters are not valid:\n${lines.join('\n')}`);
}

/** Runs one calculation in this process and saves it as a run. */
export function runFromCli(project: Project, kind: RunKind, request: StartRequest): RunInfo {
  try {
    return runKind(project, kind, request, { osUser: osUserName(), source: 'cli' }).run;
  } catch (error) {
    if (error instanceof RunParamsError) throw usage(error);
    throw error;
  }
}

/** Refuses an output name that is not .csv, .xlsx or -, before any work is done. */
export function checkOutput(out: string): void {
  if (out !== '-' && !/\.(csv|xlsx)$/i.test(out)) {
    throw new UsageError(
      `--out ${out}: the file name must end in .csv or .xlsx (or be - for CSV on standard output).`,
    );
  }
}

/** Writes a saved run to `out` ('-' is standard output); returns the rows written. */
export async function writeRunOutput(
  project: Project,
  runId: number,
  out: string,
  content: 'results' | 'report',
  figures?: { request: FigureRequest; directory: string },
): Promise<{ rows: number; figures: string[] }> {
  exportFormat(out);
  const path = out === '-' ? '-' : resolve(out);
  const result = await exportRun(project.db, runId, path, {
    content,
    overwrite: true,
    figures: figures?.request,
    figureDirectory: figures ? resolve(figures.directory) : undefined,
  });
  return { rows: result.rows, figures: result.figures ?? [] };
}

function wrap(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line.length > 0 && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** `runs report --figures DIR` without --out: the plan (and section) files alone. */
export async function writeReportFigures(
  project: Project,
  runId: number,
  request: FigureRequest,
  directory: string,
): Promise<string[]> {
  // Loaded here, so that every other command starts without ECharts and resvg.
  const { reportFigures } = await import('../../services/sections/report-figures');
  const folder = resolve(directory);
  mkdirSync(folder, { recursive: true });
  const figures = reportFigures(project.db, runId, request);
  if (figures.length === 0)
    throw new UsageError('The project has no hole that can be drawn; no figure was written.');
  return writeFigureFiles(join(folder, `run-${runId}`), figures, true);
}

export function reportOf(project: Project, runId: number): InterceptReport {
  const run = loadRun(project.db, runId);
  const { table: _table, ...report } = interceptReport(run, loadRunTable(project.db, run));
  return report;
}

/** The report as a person reads it in a terminal: the table, then its footnotes. */
export function printReport(report: InterceptReport, io: CliIo): void {
  io.out(
    formatTable(
      report.header,
      report.rows.map((row) => row.cells),
    ),
  );
  io.out('');
  for (const note of report.notes) io.out(wrap(note).join('\n'));
  io.out('');
  io.out(wrap(report.statement).join('\n'));
  for (const warning of report.warnings) io.out(`Before publishing: ${warning}`);
}

/** One line saying what was computed, from what, and what was left out. */
export function describeRun(run: RunInfo): string {
  const left =
    run.excluded.length === 0
      ? 'no hole left out'
      : `${run.excluded.length} hole${run.excluded.length === 1 ? '' : 's'} left out (${run.excluded.map((h) => h.holeId).join(', ')})`;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return `Run ${run.id} (${run.kind}): ${count(run.resultRows, 'row')} from ${count(run.holesRead, 'hole')} and ${count(run.samplesRead, 'sample')}; ${left}; data hash ${run.dataHash.slice(0, 16)}.`;
}
