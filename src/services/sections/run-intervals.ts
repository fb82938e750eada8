// The intervals of a saved intercept or composite run as columns for the plan map and sections: depths,
// the grade to colour by, grade x length, true thickness, and which rows are "including" rows.
import type { InterceptParams } from '../../api/compositing-schemas';
import type { RunIntervals } from '../../api/section-types';
import { numberColumn, textAt, textColumn } from '../../domain/compositing/result-table';
import type { Database } from '../../storage/project-db';
import { StorageError } from '../../storage/storage-error';
import { loadRun, loadRunTable, runContext } from '../compositing/run-reading';

const orNull = (value: number) => (Number.isFinite(value) ? value : null);

export function runIntervals(
  db: Database,
  id: number,
  options: { holes?: readonly string[]; analyte?: string } = {},
): RunIntervals {
  const run = loadRun(db, id);
  if (run.kind !== 'intercepts' && run.kind !== 'composites') {
    throw new StorageError(
      'refused',
      `Run ${id} is a ${run.kind} run; choose an intercept or composite run to draw its intervals.`,
    );
  }
  const table = loadRunTable(db, run);
  const context = runContext(run);
  const analytes = context.analytes.map((a) => a.code);
  let gradeLabel: string;
  let gradeUnit: string;
  let grade: Float64Array;
  if (run.kind === 'intercepts') {
    gradeLabel = context.expression?.label ?? (run.params as InterceptParams).grade;
    gradeUnit = context.expression?.unit ?? '';
    grade = numberColumn(table, 'grade');
  } else {
    const chosen = options.analyte ?? analytes[0];
    const analyte = context.analytes.find((a) => a.code === chosen);
    if (!analyte) {
      throw new StorageError(
        'not-found',
        `Run ${id} has no analyte ${chosen ?? '(none)'}; its analytes are ${analytes.join(', ') || 'none'}.`,
      );
    }
    gradeLabel = analyte.code;
    gradeUnit = analyte.unit;
    grade = numberColumn(table, `a:${analyte.code}`);
  }
  const from = numberColumn(table, 'from');
  const to = numberColumn(table, 'to');
  const intercepts = run.kind === 'intercepts';
  const gradeLength = intercepts ? numberColumn(table, 'grade_length') : null;
  const trueThickness = intercepts ? numberColumn(table, 'true_thickness') : null;
  const kind = intercepts ? textColumn(table, 'kind') : null;
  const wanted = options.holes ? new Set(options.holes) : null;
  const out: RunIntervals = {
    runId: id,
    kind: run.kind,
    lengthUnit: context.lengthUnit,
    gradeLabel,
    gradeUnit,
    analytes,
    plane: intercepts ? ((run.params as InterceptParams).plane ?? null) : null,
    holeIds: [],
    hole: [],
    from: [],
    to: [],
    grade: [],
    gradeLength: [],
    trueThickness: [],
    including: [],
    total: table.rowCount,
  };
  // Hole indexes of the table renumbered to the holes kept.
  const renumbered = new Map<number, number>();
  for (let r = 0; r < table.rowCount; r++) {
    const tableHole = table.hole[r]!;
    let index = renumbered.get(tableHole);
    if (index === undefined) {
      const holeId = table.holes[tableHole]!;
      if (wanted && !wanted.has(holeId)) continue;
      index = out.holeIds.length;
      out.holeIds.push(holeId);
      renumbered.set(tableHole, index);
    }
    out.hole.push(index);
    out.from.push(from[r]!);
    out.to.push(to[r]!);
    out.grade.push(orNull(grade[r]!));
    if (intercepts) {
      out.gradeLength.push(orNull(gradeLength![r]!));
      out.trueThickness.push(orNull(trueThickness![r]!));
      out.including.push(textAt(kind!, r) === 'including' ? 1 : 0);
    }
  }
  return out;
}
