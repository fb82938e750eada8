// A saved run's results in one hole, for the strip log: intercepts ("and" and "including" told apart as
// the release table does) or composites, read through the run's own output columns so they match its
// CSV file column for column.
import type { HoleRunInterval, HoleRunResults } from '../../api/hole-types';
import { RowReader } from '../../domain/compositing/run-results';
import { runReadHole } from '../../storage/hole-view-queries';
import type { Database } from '../../storage/project-db';
import { StorageError } from '../../storage/storage-error';
import { loadRun, loadRunTable, runContext, runOutputColumns } from '../compositing/run-reading';
import { toRunInfo } from '../compositing/run-support';
import { findHole } from './hole-view';

const asNumber = (value: string | number | null | undefined): number | null =>
  typeof value === 'number' ? value : null;

export function holeRunResults(db: Database, runId: number, typedHoleId: string): HoleRunResults {
  const run = loadRun(db, runId);
  if (run.kind === 'desurvey') {
    throw new StorageError(
      'refused',
      `Run ${runId} is a desurvey; a strip log draws intercepts or composites, so choose one of those runs.`,
    );
  }
  const holeId = findHole(db, typedHoleId).hole_id;
  const context = runContext(run);
  const table = loadRunTable(db, run);
  const columns = runOutputColumns(run);
  const reader = new RowReader(table, columns);
  const at = (header: string) => columns.findIndex((column) => column.header === header);
  const [from, to, length, thickness, angle, grade, domain] = [
    'from',
    'to',
    'length',
    'true_thickness',
    'angle_to_plane',
    'grade',
    'domain',
  ].map(at);
  const kind = at('kind');
  const analyteIndex = context.analytes.map((analyte) => at(analyte.code));

  const intervals: HoleRunInterval[] = [];
  const holeIndex = table.holes.indexOf(holeId);
  let seenIntercept = false;
  for (let row = 0; holeIndex >= 0 && row < table.rowCount; row++) {
    if (table.hole[row] !== holeIndex) continue;
    const cells = reader.row(row);
    const cell = (index: number | undefined) => (index === undefined || index < 0 ? null : cells[index]);
    let rowKind: HoleRunInterval['kind'] = 'composite';
    if (run.kind === 'intercepts') {
      if (cell(kind) === 'including') rowKind = 'including';
      else {
        rowKind = seenIntercept ? 'and' : 'intercept';
        seenIntercept = true;
      }
    }
    const domainText = cell(domain);
    intervals.push({
      kind: rowKind,
      from: asNumber(cell(from)) ?? 0,
      to: asNumber(cell(to)) ?? 0,
      length: asNumber(cell(length)) ?? 0,
      trueThickness: asNumber(cell(thickness)),
      angleToPlane: asNumber(cell(angle)),
      grade: asNumber(cell(grade)),
      values: analyteIndex.map((index) => asNumber(cell(index))),
      domain: typeof domainText === 'string' ? domainText : null,
    });
  }
  const leftOut = run.excluded.find((hole) => hole.holeId === holeId)?.reason ?? null;
  return {
    run: toRunInfo(run),
    holeId,
    grade:
      run.kind === 'intercepts' && context.expression
        ? {
            expression: context.expression.text,
            label: context.expression.label,
            unit: context.expression.unit,
          }
        : null,
    analytes: context.analytes.map((analyte) => ({ code: analyte.code, unit: analyte.unit })),
    intervals,
    read: leftOut === null && (intervals.length > 0 || runReadHole(db, runId, holeId)),
    leftOut,
  };
}
