// Intercept runs on a small project file, through the same service the CLI and jobs use: a true thickness
// measured on a hole nearly parallel to the plane is flagged (angle kept, row marked, note), and grade
// expressions over analytes in different units are converted into the declared unit or refused.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResultTable } from '../../src/domain/compositing/result-table';
import { interceptsFromTable } from '../../src/domain/compositing/run-results';
import { interceptReport } from '../../src/services/compositing/intercept-report';
import { loadRun, loadRunTable, runPage } from '../../src/services/compositing/run-reading';
import { RunParamsError } from '../../src/services/compositing/run-support';
import { holeRunResults } from '../../src/services/holes/hole-run-results';
import { runKind, verifyRun } from '../../src/services/compositing/run-verify';
import { savePreset } from '../../src/storage/presets-store';
import { encodeResultTable } from '../../src/storage/result-table-codec';
import { smallProject, type SmallProject } from '../compositing/small-project';

const control = { osUser: 'tester', source: 'api' };
let small: SmallProject;
afterEach(() => small?.close());

describe('true thickness on a hole nearly parallel to the plane', () => {
  it('keeps the angle, marks the row and says why, instead of printing a bare 0.9', () => {
    small = smallProject();
    const zn = small.analyte('Zn');
    // Down the dip line of a plane dipping 28.5 toward 315, 5 degrees steeper: 5 degrees to the plane.
    const along = small.hole('ALONG', { azimuth: 315, dip: -33.5, eoh: 40 });
    const across = small.hole('ACROSS', { azimuth: 0, dip: -90, eoh: 40 });
    for (const hole of [along, across]) small.result(small.sample(hole, 20, 30), zn, 5);
    const run = runKind(
      small.project,
      'intercepts',
      {
        params: {
          grade: 'Zn',
          cutoff: 1,
          minLength: 1,
          maxDilution: 0,
          plane: { dip: 28.5, dipDirection: 315 },
        },
      },
      control,
    );
    const rows = interceptsFromTable(run.table, ['Zn']);
    const byHole = new Map(rows.map((r) => [r.intercept.holeId, r]));
    expect(byHole.get('ALONG')!.planeAngle).toBeCloseTo(5, 9);
    expect(byHole.get('ALONG')!.trueThickness).toBeCloseTo(10 * Math.sin((5 * Math.PI) / 180), 9);
    expect(byHole.get('ACROSS')!.planeAngle).toBeCloseTo(61.5, 9);
    expect(run.run.notes.join(' ')).toMatch(
      /within 15° of the plane over 1 interval \(marked \* in the report\).*ALONG 20-30 \(5\.0°\)/,
    );
    const stored = loadRun(small.project.db, run.run.id);
    const report = interceptReport(stored, loadRunTable(small.project.db, stored));
    const cells = new Map(report.rows.map((row) => [row.holeId, row.cells[4]]));
    expect(cells.get('ALONG')).toBe('0.9*');
    expect(cells.get('ACROSS')).toBe('8.8');
    expect(report.notes.some((note) => note.startsWith('* The hole runs within 15° of the plane'))).toBe(
      true,
    );
    // The strip log reads the angle too, to mark the thickness in its tooltip.
    const [logged] = holeRunResults(small.project.db, run.run.id, 'ALONG').intervals;
    expect(logged!.angleToPlane).toBeCloseTo(5, 9);
    const page = runPage(small.project.db, run.run.id, 0, 10);
    expect(page.columns.slice(0, 8)).toEqual([
      'hole_id',
      'kind',
      'from',
      'to',
      'length',
      'true_thickness',
      'angle_to_plane',
      'grade',
    ]);
  });
});

/** Zn % and Pb ppm on one hole: 0-1 Zn 4.99 Pb 500 ppm (5.04 % together), 1-2 Zn 4.9 Pb 50 ppm. */
function mixedUnits(): SmallProject {
  const p = smallProject();
  const zn = p.analyte('Zn', '%');
  const pb = p.analyte('Pb', 'ppm');
  const hole = p.hole('MIX', { azimuth: 0, dip: -90, eoh: 5 });
  const a = p.sample(hole, 0, 1);
  const b = p.sample(hole, 1, 2);
  p.result(a, zn, 4.99);
  p.result(a, pb, 500);
  p.result(b, zn, 4.9);
  p.result(b, pb, 50);
  return p;
}

const zincLead = { grade: 'Zn + Pb', cutoff: 5, minLength: 0, maxDilution: 0 };

describe('grade expressions over analytes in different units', () => {
  it('refuse Zn % + Pb ppm without a declared unit, naming the field and what to do', () => {
    small = mixedUnits();
    let error: unknown;
    try {
      runKind(small.project, 'intercepts', { params: zincLead }, control);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RunParamsError);
    expect((error as RunParamsError).details).toEqual([
      {
        where: 'gradeUnit',
        message: expect.stringMatching(/Zn \+ Pb are in different units \(Zn %, Pb ppm\); declare the unit/),
      },
    ]);
  });

  it('convert Pb ppm into a declared %, and say so in the header, the statement and the saved run', () => {
    small = mixedUnits();
    const run = runKind(small.project, 'intercepts', { params: { ...zincLead, gradeUnit: '%' } }, control);
    const [only, ...rest] = interceptsFromTable(run.table, ['Zn', 'Pb']);
    expect(rest).toEqual([]);
    // Not 504.99 "%": 4.99 + 500 / 10,000.
    expect([only!.intercept.from, only!.intercept.to]).toEqual([0, 1]);
    expect(only!.intercept.grade).toBeCloseTo(5.04, 12);
    const stored = loadRun(small.project.db, run.run.id);
    expect((stored.params as { gradeUnit: string }).gradeUnit).toBe('%');
    const report = interceptReport(stored, loadRunTable(small.project.db, stored));
    expect(report.header).toEqual([
      'Drill Hole #',
      'From',
      'To',
      'Interval (m)',
      'Estimated True Thickness',
      'Zn %',
      'Pb ppm',
      'Zn+Pb %',
    ]);
    expect(report.rows[0]!.cells.slice(5)).toEqual(['4.99', '500.00', '5.04']);
    expect(report.statement).toMatch(/at a cutoff grade of 5 %/);
    expect(report.statement).toMatch(
      /Before Zn \+ Pb was evaluated, each of its analytes was converted to %: Pb from ppm \(÷ 10,000\)\./,
    );
  });

  it('record the shared unit when none is declared, and label a metal equivalent with the declared one', () => {
    small = mixedUnits();
    const zn = runKind(small.project, 'intercepts', { params: { ...zincLead, grade: 'Zn' } }, control);
    expect((loadRun(small.project.db, zn.run.id).params as { gradeUnit: string }).gradeUnit).toBe('%');
    const equivalent = runKind(
      small.project,
      'intercepts',
      { params: { ...zincLead, grade: '1.5 * Pb + Zn', gradeUnit: 'ppm', cutoff: 50_000 } },
      control,
    );
    const stored = loadRun(small.project.db, equivalent.run.id);
    const report = interceptReport(stored, loadRunTable(small.project.db, stored));
    expect(report.header.at(-1)).toBe('1.5*Pb+Zn ppm');
    expect(report.statement).toMatch(/cutoff grade of 50000 ppm/);
    // 1.5 x 500 + 49,900 ppm
    expect(interceptsFromTable(equivalent.table, ['Pb', 'Zn'])[0]!.intercept.grade).toBeCloseTo(50_650, 9);
    expect(report.warnings.join(' ')).toMatch(/Zn entered 1\.5 \* Pb \+ Zn converted to ppm/);
  });
});

/** Makes a saved intercept run look as an earlier version saved it. */
function makeOld(p: SmallProject, id: number, table: ResultTable, context: unknown): void {
  const old: ResultTable = { ...table, numbers: table.numbers.filter((c) => c.name !== 'angle_to_plane') };
  const results = encodeResultTable(old);
  const { db } = p.project;
  db.prepare(
    "UPDATE runs SET engine = 'drillbench-compositing/1', params = json_remove(params, '$.gradeUnit'), context = ?, results_hash = ? WHERE id = ?",
  ).run(JSON.stringify(context), createHash('sha256').update(results).digest('hex'), id);
  db.prepare('UPDATE run_results SET results = ? WHERE run = ?').run(results, id);
}

describe('runs saved before grade units and angles', () => {
  it('run from a preset saved without a grade unit, and a declared unit overrides it', () => {
    small = mixedUnits();
    savePreset(small.project.db, 'intercepts', 'old-zn', null, {
      grade: 'Zn',
      cutoff: 4,
      minLength: 0,
      maxDilution: 0,
    });
    const run = runKind(small.project, 'intercepts', { preset: 'old-zn' }, control);
    expect((loadRun(small.project.db, run.run.id).params as { gradeUnit: string }).gradeUnit).toBe('%');
    const ppm = runKind(
      small.project,
      'intercepts',
      { preset: 'old-zn', params: { gradeUnit: 'ppm', cutoff: 40_000 } },
      control,
    );
    expect(interceptsFromTable(ppm.table, ['Zn'])[0]!.intercept.grade).toBeCloseTo(49_450, 9); // (4.99 + 4.9) / 2 %
  });

  it('re-verify: same numbers in every column they saved are identical results', () => {
    small = mixedUnits();
    const run = runKind(
      small.project,
      'intercepts',
      { params: { ...zincLead, grade: 'Zn', cutoff: 4 } },
      control,
    );
    const context = { lengthUnit: 'm', analytes: [{ code: 'Zn', unit: '%', decimals: 2 }] };
    makeOld(small, run.run.id, run.table, {
      ...context,
      expression: { text: 'Zn', label: 'Zn', analytes: ['Zn'], unit: '%' },
    });
    const verified = verifyRun(small.project, run.run.id, control);
    expect(verified.dataUnchanged).toBe(true);
    expect(verified.resultsIdentical).toBe(true);
    expect(verified.message).toMatch(
      /identical results \(drillbench-compositing\/2 also saves angle_to_plane/,
    );
    // The report of the old run still builds, without angles.
    const stored = loadRun(small.project.db, run.run.id);
    expect(interceptReport(stored, loadRunTable(small.project.db, stored)).rows).toHaveLength(1);
  });

  it('re-verify an old run that mixed units in the unit it read its grade in, and say the results differ', () => {
    small = mixedUnits();
    const run = runKind(small.project, 'intercepts', { params: { ...zincLead, gradeUnit: '%' } }, control);
    // Saved by the old version, its grade read as "%" with Pb's ppm added unconverted: 504.99.
    const grade = run.table.numbers.find((c) => c.name === 'grade')!;
    grade.values[0] = 504.99;
    makeOld(small, run.run.id, run.table, {
      lengthUnit: 'm',
      analytes: [
        { code: 'Zn', unit: '%', decimals: 2 },
        { code: 'Pb', unit: 'ppm', decimals: 2 },
      ],
      expression: { text: 'Zn + Pb', label: 'Zn+Pb', analytes: ['Zn', 'Pb'], unit: '%' },
    });
    const verified = verifyRun(small.project, run.run.id, control);
    expect(verified.dataUnchanged).toBe(true);
    expect(verified.resultsIdentical).toBe(false);
    expect(verified.message).toMatch(
      /unchanged, but a re-run gives different results: the calculation changed since \(drillbench-compositing\/1 then, drillbench-compositing\/2 now\)/,
    );
  });
});
