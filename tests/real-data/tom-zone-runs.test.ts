// Tom zone (Macmillan Pass, metres) imported into a project and run through the storage scan: the
// intercepts equal the domain's on the raw CSV rows, the hand-worked rows hold, composites conserve
// metal, and desurvey of single-survey holes is a straight line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HoleSamplesBuffer } from '../../src/domain/compositing/hole-samples';
import { compileInterceptPlan } from '../../src/domain/compositing/intercept-settings';
import { interceptsFromTable, RowReader, outputColumns } from '../../src/domain/compositing/run-results';
import { numberColumn } from '../../src/domain/compositing/result-table';
import { findIntercepts, InterceptWorkspace } from '../../src/domain/compositing/significant-intercepts';
import type { RunOutcome } from '../../src/services/compositing/run-support';
import { runKind } from '../../src/services/compositing/run-verify';
import { groupBy, readCsv } from '../domain/dataset-csv';
import { importDataset, type DatasetProject } from '../compositing/dataset-project';
import { DATASETS } from '../helpers/datasets';

const control = { osUser: 'tester', source: 'cli' };
const ANALYTES = ['Zn', 'Pb', 'Ag'];
const COLUMNS = { Zn: 'Zn_pct', Pb: 'Pb_pct', Ag: 'Ag_ppm' } as const;
const PARAMS = {
  grade: 'Zn',
  cutoff: 3,
  minLength: 2,
  maxDilution: 3,
  analytes: ANALYTES,
  including: { cutoff: 10, minLength: 1, maxDilution: 0 },
};

let data: DatasetProject;
let intercepts: RunOutcome;
const assays = groupBy(readCsv('tom_zone/assay.csv'), 'hole_ID');

beforeAll(() => {
  data = importDataset([
    { kind: 'collars', path: `${DATASETS}/tom_zone/collar.csv` },
    { kind: 'surveys', path: `${DATASETS}/tom_zone/survey.csv` },
    { kind: 'assays', path: `${DATASETS}/tom_zone/assay.csv` },
  ]);
  intercepts = runKind(
    data.project,
    'intercepts',
    { params: { ...PARAMS, plane: { dip: 60, dipDirection: 200 } } },
    control,
  );
});
afterAll(() => data.close());

describe('Tom zone through the storage scan', () => {
  it('reads every hole and leaves none out (the data set has no errors)', () => {
    expect(intercepts.run.excluded).toEqual([]);
    expect(intercepts.run.holesRead).toBe(273);
    expect(intercepts.run.samplesRead).toBe(6215);
  });

  it('gives exactly the intercepts the domain finds on the raw CSV rows', () => {
    const plan = compileInterceptPlan(
      {
        expression: 'Zn',
        cutoff: 3,
        minLength: 2,
        maxDilution: 3,
        weighting: 'length',
        belowDetection: 'half',
        unsampled: 'zero',
        reportAnalytes: ANALYTES,
        including: PARAMS.including,
      },
      ANALYTES,
    );
    const buffer = new HoleSamplesBuffer(ANALYTES);
    const workspace = new InterceptWorkspace();
    const expected: string[] = [];
    for (const id of [...assays.keys()].sort()) {
      const rows = [...assays.get(id)!].sort((a, b) => Number(a.depth_from) - Number(b.depth_from));
      buffer.reset(id);
      for (const row of rows) {
        const i = buffer.addSample(Number(row.depth_from), Number(row.depth_to), null);
        ANALYTES.forEach((code, a) => {
          const text = row[COLUMNS[code as keyof typeof COLUMNS]] ?? '';
          if (text !== '') buffer.setResult(i, a, Number(text), 'value');
        });
      }
      for (const i of findIntercepts(buffer, plan, workspace).intercepts) {
        expected.push([id, i.kind, i.from, i.to, i.grade, ...i.analyteGrades].join(' '));
      }
    }
    const stored = interceptsFromTable(intercepts.table, ANALYTES).map(({ intercept: i }) =>
      [i.holeId, i.kind, i.from, i.to, i.grade, ...i.analyteGrades].join(' '),
    );
    expect(stored.length).toBeGreaterThan(300);
    expect(stored).toEqual(expected);
  });

  it('matches the rows worked by hand (TRC20-002, TS005)', () => {
    const rows = interceptsFromTable(intercepts.table, ANALYTES);
    const hole = (id: string) => rows.filter((r) => r.intercept.holeId === id).map((r) => r.intercept);
    // Nine 1.524 m samples from 44.196 m: Zn 84.91 / 9, Pb 48.26 / 9; including 11.625 and 12.36.
    const trc = hole('TRC20-002');
    expect(trc.map((i) => [i.kind, i.from, i.to])).toEqual([
      ['intercept', 44.196, 57.912],
      ['including', 45.72, 48.768],
      ['including', 54.864, 57.912],
    ]);
    expect(trc[0]!.grade).toBeCloseTo(84.91 / 9, 9);
    expect(trc[0]!.analyteGrades[1]).toBeCloseTo(48.26 / 9, 9);
    expect(trc[1]!.grade).toBeCloseTo(11.625, 9);
    expect(trc[2]!.grade).toBeCloseTo(12.36, 9);
    // 23.96-29.96 across gaps and a 1.4 % sample: Zn 23.864 / 6, Ag 9.7803 / 6, 1.04 m unsampled.
    const ts = hole('TS005').find((i) => i.from === 23.96)!;
    expect(ts.to).toBe(29.96);
    expect(ts.grade).toBeCloseTo(3.977333, 6);
    expect(ts.analyteGrades[2]).toBeCloseTo(1.63005, 6);
    expect(ts.unsampledLength).toBeCloseTo(1.04, 9);
  });

  it('counts TS004 58.77-59.80 (Zn 1.4 + Pb 0.4) as reaching a 1.8 cutoff', () => {
    const run = runKind(
      data.project,
      'intercepts',
      { params: { grade: 'Zn + Pb', cutoff: 1.8, minLength: 0, maxDilution: 0, holes: ['TS004'] } },
      { ...control, save: false },
    );
    const rows = interceptsFromTable(run.table, ['Zn', 'Pb']).map((r) => r.intercept);
    const deep = rows.find((i) => i.from === 49.07)!;
    expect(deep.to).toBe(59.8);
    // (8.8+5.8) 1.22 + (10+3.9) 1.53 + ... + (1.4+0.4) 1.03, over 10.73 m
    expect(deep.grade).toBeCloseTo(14.66, 2);
    expect(deep.wasteLength).toBe(0);
  });

  it('estimates true thickness no larger than the interval', () => {
    const rows = interceptsFromTable(intercepts.table, ANALYTES);
    for (const { intercept, trueThickness } of rows) {
      expect(trueThickness).not.toBeNull();
      expect(trueThickness!).toBeGreaterThan(0);
      expect(trueThickness!).toBeLessThanOrEqual(intercept.length + 1e-9);
    }
  });

  it("composites 2 m pieces that conserve every hole's metal", () => {
    const run = runKind(
      data.project,
      'composites',
      { params: { length: 2, residual: 'keep', analytes: ['Zn'] } },
      control,
    ).table;
    const from = numberColumn(run, 'from');
    const zn = numberColumn(run, 'a:Zn');
    // Missing grades excluded: the length behind each value is its assayed length.
    const znLength = numberColumn(run, 'assayed:Zn');
    const metal = new Map<string, number>();
    for (let r = 0; r < run.rowCount; r++) {
      const hole = run.holes[run.hole[r]!]!;
      expect(Math.abs(from[r]! / 2 - Math.round(from[r]! / 2))).toBeLessThan(1e-9);
      if (!Number.isNaN(zn[r]!)) metal.set(hole, (metal.get(hole) ?? 0) + zn[r]! * znLength[r]!);
    }
    for (const [id, rows] of assays) {
      const expected = rows.reduce(
        (sum, row) =>
          sum +
          (row.Zn_pct === '' ? 0 : Number(row.Zn_pct) * (Number(row.depth_to) - Number(row.depth_from))),
        0,
      );
      expect(metal.get(id) ?? 0).toBeCloseTo(expected, 6);
    }
  });

  it('drops 2 m Zn composites resting on under 1 m of Zn results (drop-short per analyte)', () => {
    const composite = (residual: string) =>
      runKind(
        data.project,
        'composites',
        { params: { length: 2, residual, analytes: ['Zn'] } },
        { ...control, save: false },
      ).table;
    const thin = (table: ReturnType<typeof composite>) => {
      const zn = numberColumn(table, 'a:Zn');
      const znLength = numberColumn(table, 'assayed:Zn');
      let count = 0;
      for (let r = 0; r < table.rowCount; r++) if (!Number.isNaN(zn[r]!) && znLength[r]! < 1 - 1e-9) count++;
      return { count, empty: zn.filter((v) => Number.isNaN(v)).length };
    };
    // Kept whatever their support, some pieces' Zn rests on a sliver of core...
    expect(thin(composite('keep')).count).toBeGreaterThan(100);
    // ...drop-short leaves none of them, and writes no piece without a Zn value.
    expect(thin(composite('drop-short'))).toEqual({ count: 0, empty: 0 });
  });

  it('desurveys holes with one survey as straight lines from the collar', () => {
    const run = runKind(data.project, 'desurvey', { params: { step: 10 } }, control).table;
    const surveys = groupBy(readCsv('tom_zone/survey.csv'), 'hole_ID');
    const collars = new Map(readCsv('tom_zone/collar.csv').map((c) => [c.hole_ID!, c]));
    const reader = new RowReader(run, outputColumns({ kind: 'desurvey', analytes: [] }));
    let checked = 0;
    for (let r = 0; r < run.rowCount; r++) {
      const [hole, depth, x, y, z] = reader.row(r) as [string, number, number, number, number];
      const list = surveys.get(hole);
      if (!list || list.length !== 1) continue;
      const { azimuth, dip } = list[0]!;
      const collar = collars.get(hole)!;
      const radians = Math.PI / 180;
      const horizontal = depth * Math.cos(Number(dip) * radians);
      expect(x).toBeCloseTo(Number(collar.x) + horizontal * Math.sin(Number(azimuth) * radians), 6);
      expect(y).toBeCloseTo(Number(collar.y) + horizontal * Math.cos(Number(azimuth) * radians), 6);
      expect(z).toBeCloseTo(Number(collar.z) + depth * Math.sin(Number(dip) * radians), 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('Tom zone surveys: sharp bends', () => {
  // The dense gyro surveys (stations 1 to 3 m apart) bend for real in places: TRC20-002 flattens from
  // -78 to -60 deg over 60 m, a degree or more every 3 m (10 to 13 deg per 30 m). Judged over a stretched
  // 30 m those read as 1 deg per 30 m and nothing was said (153 warnings in 76 holes); now each step
  // shows its true severity, while bends under 1 deg (reading noise: 0.25 deg in 1 m is "7.5 deg per
  // 30 m") stay quiet.
  it('warns 284 bends in 100 holes, each with its true severity and at least 1 deg', () => {
    const warnings = data.project.db
      .prepare(
        "SELECT h.hole_id, p.message FROM problems p JOIN holes h ON h.id = p.hole WHERE p.rule = 'survey-dogleg'",
      )
      .all() as { hole_id: string; message: string }[];
    expect(warnings.length).toBe(284);
    expect(new Set(warnings.map((w) => w.hole_id)).size).toBe(100);
    for (const { message } of warnings) {
      const [, severity, angle, length] =
        /^Bend of ([\d.]+) deg per 30 m \(([\d.]+) deg in ([\d.]+) m\)/.exec(message)!;
      expect(Number(angle)).toBeGreaterThanOrEqual(1);
      // The printed angle has two decimals, so compare within their rounding.
      const fromParts = (Number(angle) * 30) / Number(length);
      expect(Math.abs(Number(severity) - fromParts)).toBeLessThan(0.05 + (0.005 * 30) / Number(length));
    }
    expect(warnings.find((w) => w.hole_id === 'TRC20-002')?.message).toMatch(
      /^Bend of 1\d\.\d deg per 30 m \(1\.\d+ deg in 3\.0\d m\) between/,
    );
  });
});
