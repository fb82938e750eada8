// Copper Creek (porphyry Cu-Mo, metres, messy): 7 holes have overlap errors, 2 in their samples and 5 in
// their lithology only. A Cu run reads samples and assays, not lithology, so it leaves out the 2 and
// names the table and rule; composites restarted at lithology boundaries leave out all 7. The holes read
// obey the intercept rules when recomputed from the CSV (negative codes as below detection at half the
// limit), and rows worked by hand hold. Composites restarted at lithology boundaries never cross one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interceptsFromTable } from '../../src/domain/compositing/run-results';
import { numberColumn, textAt, textColumn } from '../../src/domain/compositing/result-table';
import { interceptReport } from '../../src/services/compositing/intercept-report';
import { loadRun } from '../../src/services/compositing/run-reading';
import type { RunOutcome } from '../../src/services/compositing/run-support';
import { runKind } from '../../src/services/compositing/run-verify';
import { groupBy, readCsv } from '../domain/dataset-csv';
import { importDataset, type DatasetProject } from '../compositing/dataset-project';
import { DATASETS } from '../helpers/datasets';

const control = { osUser: 'tester', source: 'cli' };
const CUTOFF = 0.3;
const MIN_LENGTH = 10;
const D = 6;
const PARAMS = {
  grade: 'Cu',
  cutoff: CUTOFF,
  minLength: MIN_LENGTH,
  maxDilution: D,
  analytes: ['Cu', 'Mo', 'Au'],
  including: { cutoff: 1, minLength: 10, maxDilution: 6 },
};

let data: DatasetProject;
let run: RunOutcome;
let errorHoles: string[];
let sampleErrorHoles: string[];
const assays = groupBy(readCsv('copper_creek/assay.csv'), '\ufeffhole_ID');

/** Cu as calculations count it: a negative code is below detection, at half the limit. */
function cu(text: string | undefined): number | null {
  if (text === undefined || text === '') return null;
  const value = Number(text);
  return value < 0 ? -value / 2 : value;
}

beforeAll(() => {
  const folder = `${DATASETS}/copper_creek`;
  data = importDataset([
    { kind: 'collars', path: `${folder}/collar.csv` },
    { kind: 'surveys', path: `${folder}/survey.csv` },
    { kind: 'assays', path: `${folder}/assay.csv` },
    { kind: 'lithology', path: `${folder}/lithology.csv` },
  ]);
  errorHoles = data.project.db
    .prepare(
      "SELECT DISTINCT h.hole_id FROM problems p JOIN holes h ON h.id = p.hole WHERE p.severity = 'error' ORDER BY h.hole_id",
    )
    .pluck()
    .all() as string[];
  sampleErrorHoles = data.project.db
    .prepare(
      "SELECT DISTINCT h.hole_id FROM problems p JOIN holes h ON h.id = p.hole WHERE p.severity = 'error' AND p.table_name IN ('samples', 'assays') ORDER BY h.hole_id",
    )
    .pluck()
    .all() as string[];
  run = runKind(data.project, 'intercepts', { params: PARAMS }, control);
});
afterAll(() => data.close());

describe('Copper Creek intercepts through the storage scan', () => {
  it('leaves out only the holes with errors in what it reads, naming the table and rule', () => {
    expect(errorHoles).toEqual([
      'CA28_PLUS_8',
      'CA40_PLUS_8',
      'HN-1',
      'HN-12',
      'NE-6',
      'RPE-08-039',
      'VIX24-2',
    ]);
    // Samples overlap in two holes; the other five have overlapping lithology only.
    expect(sampleErrorHoles).toEqual(['CA28_PLUS_8', 'NE-6']);
    expect(run.run.excluded).toEqual([
      {
        holeId: 'CA28_PLUS_8',
        reason: 'validation errors in samples: overlapping intervals (11)',
        source: 'validation',
      },
      {
        holeId: 'NE-6',
        reason: 'validation errors in samples: overlapping intervals (156)',
        source: 'validation',
      },
    ]);
    const results = interceptsFromTable(run.table, PARAMS.analytes).map((r) => r.intercept.holeId);
    for (const hole of sampleErrorHoles) expect(results).not.toContain(hole);
    const stored = loadRun(data.project.db, run.run.id);
    const report = interceptReport(stored, run.table);
    expect(report.statement).toMatch(
      /2 holes were left out of the calculation because of data errors: CA28_PLUS_8 \(validation errors in samples: overlapping intervals \(11\)\); NE-6 /,
    );
  });

  it('reads HN-1, whose lithology overlaps but whose 99 samples at or above 0.3 % Cu do not', () => {
    const above = (assays.get('HN-1') ?? []).filter((r) => (cu(r.Cu_pct) ?? 0) >= CUTOFF);
    expect(above.length).toBe(99);
    const rows = interceptsFromTable(run.table, PARAMS.analytes).map((r) => r.intercept);
    const hn1 = rows.filter((i) => i.holeId === 'HN-1' && i.kind === 'intercept');
    expect(hn1.length).toBeGreaterThan(0);
    // Each of its above-cutoff samples lies in one of its intercepts or in a run too short to report.
    const covered = above.filter((r) =>
      hn1.some((i) => Number(r.depth_from) >= i.from - 1e-9 && Number(r.depth_to) <= i.to + 1e-9),
    );
    expect(covered.length).toBeGreaterThan(50);
  });

  it('obeys the rules on every other hole, recomputed from the CSV', () => {
    const rows = interceptsFromTable(run.table, PARAMS.analytes);
    expect(rows.length).toBeGreaterThan(500);
    let previous: { hole: string; to: number } | null = null;
    for (const { intercept: i } of rows) {
      const samples = [...assays.get(i.holeId)!]
        .map((r) => ({ from: Number(r.depth_from), to: Number(r.depth_to), cu: cu(r.Cu_pct) }))
        .sort((a, b) => a.from - b.from)
        .filter((s) => s.from >= i.from - 1e-9 && s.to <= i.to + 1e-9);
      const cutoff = i.kind === 'intercept' ? CUTOFF : 1;
      expect(samples[0]!.from).toBe(i.from);
      expect(samples[samples.length - 1]!.to).toBe(i.to);
      expect(samples[0]!.cu!).toBeGreaterThanOrEqual(cutoff);
      expect(samples[samples.length - 1]!.cu!).toBeGreaterThanOrEqual(cutoff);
      let run = 0;
      let metal = 0;
      let reached = i.from;
      for (const s of samples) {
        run += Math.max(0, s.from - reached);
        run = s.cu !== null && s.cu >= cutoff ? 0 : run + (s.to - s.from);
        expect(run).toBeLessThanOrEqual(D + 1e-9);
        metal += (s.cu ?? 0) * (s.to - s.from);
        reached = s.to;
      }
      expect(i.grade).toBeCloseTo(metal / (i.to - i.from), 9);
      expect(i.grade).toBeGreaterThanOrEqual(cutoff - 1e-9);
      expect(i.length).toBeGreaterThanOrEqual(MIN_LENGTH - 1e-9);
      if (i.kind === 'intercept') {
        if (previous && previous.hole === i.holeId) expect(i.from).toBeGreaterThanOrEqual(previous.to);
        previous = { hole: i.holeId, to: i.to };
      }
    }
  });

  it('matches AE-1R 225.55-237.74 and AH-2 including 204.22-214.88 worked by hand', () => {
    const rows = interceptsFromTable(run.table, PARAMS.analytes).map((r) => r.intercept);
    // 0.47, 0.29 (waste, 3.05 m), 0.62, 0.30 over 3.05, 3.05, 3.05, 3.04 m; 6.09 m of waste on either side.
    const ae = rows.find((i) => i.holeId === 'AE-1R' && i.from === 225.55)!;
    expect(ae.to).toBe(237.74);
    expect(ae.grade).toBeCloseTo((0.47 * 3.05 + 0.29 * 3.05 + 0.62 * 3.05 + 0.3 * 3.04) / 12.19, 9);
    expect(ae.analyteGrades[1]).toBeCloseTo((0.003 * 3.05 * 3 + 0.004 * 3.04) / 12.19, 9);
    expect([ae.analyteGrades[2], ae.assayedLengths[2]]).toEqual([0, 0]); // no Au assays: zero, and said so
    expect(ae.wasteLength).toBeCloseTo(3.05, 9);
    // Including at 1 % Cu: 1.05, 1.33, then 0.22, 0.99, 0.54 (4.58 m of waste), 1.56, 1.49. Joining the
    // 1.43 at 199.64 too would bring the grade to 0.914, under the 1 % minimum, so it stays out.
    const ah = rows.find((i) => i.holeId === 'AH-2' && i.kind === 'including')!;
    expect([ah.from, ah.to]).toEqual([204.22, 214.88]);
    const metal =
      1.05 * 1.52 + 1.33 * 1.52 + 0.22 * 1.53 + 0.99 * 1.52 + 0.54 * 1.53 + 1.56 * 1.52 + 1.49 * 1.52;
    expect(ah.grade).toBeCloseTo(metal / 10.66, 9);
  });
});

describe('Copper Creek composites', () => {
  it('matches AE-1R 220-230 by hand and leaves out the same holes', () => {
    const composites = runKind(
      data.project,
      'composites',
      { params: { length: 10, analytes: ['Cu'] } },
      control,
    );
    expect(composites.run.excluded.map((h) => h.holeId)).toEqual(sampleErrorHoles);
    const t = composites.table;
    const from = numberColumn(t, 'from');
    const value = numberColumn(t, 'a:Cu');
    const row = [...Array(t.rowCount).keys()].find(
      (r) => t.holes[t.hole[r]!] === 'AE-1R' && from[r] === 220,
    )!;
    // 219.46-222.5 at 0.23 (2.5 m inside), 0.26 (3.05), 0.47 (3.05), 228.6-231.65 at 0.29 (1.4 m inside)
    expect(value[row]).toBeCloseTo((0.23 * 2.5 + 0.26 * 3.05 + 0.47 * 3.05 + 0.29 * 1.4) / 10, 12);
  });

  it('restarts at lithology boundaries: no composite crosses one', () => {
    const run = runKind(
      data.project,
      'composites',
      { params: { length: 10, analytes: ['Cu'], domains: true, residual: 'keep' } },
      control,
    );
    // Domains read the lithology: now the holes with lithology overlaps are out too, and say why.
    expect(run.run.excluded.map((h) => h.holeId)).toEqual(errorHoles);
    expect(run.run.excluded.find((h) => h.holeId === 'HN-1')!.reason).toBe(
      'validation errors in lithology: overlapping intervals',
    );
    const composites = run.table;
    const lithology = groupBy(readCsv('copper_creek/lithology.csv'), '\ufeffhole_ID');
    const from = numberColumn(composites, 'from');
    const to = numberColumn(composites, 'to');
    const domain = textColumn(composites, 'domain');
    let checked = 0;
    for (let r = 0; r < composites.rowCount; r++) {
      const code = textAt(domain, r);
      if (code === null) continue;
      const hole = composites.holes[composites.hole[r]!]!;
      const inside = (lithology.get(hole) ?? []).filter(
        (l) => Number(l.depth_from) < to[r]! - 1e-6 && Number(l.to_depth) > from[r]! + 1e-6,
      );
      // Touching intervals of one code are one domain; a composite never spans two codes.
      expect(new Set(inside.map((l) => l['rock code']))).toEqual(new Set([code]));
      checked++;
    }
    expect(checked).toBeGreaterThan(5000);
  });
});
