// The compositing scan on a real SQLite file: holes in hole ID order, only regular samples in depth
// order, the preferred result per analyte, dips turned negative-down, and a digest that follows the rows
// read and nothing else.
import { afterEach, describe, expect, it } from 'vitest';
import { FLAG } from '../../src/domain/compositing/hole-samples';
import {
  CompositingScan,
  holeErrorSummaries,
  listScanHoles,
  scanStatements,
  type ScanOptions,
} from '../../src/storage/compositing-scan';
import { smallProject, type SmallProject } from '../compositing/small-project';

let small: SmallProject;
afterEach(() => small?.close());

function build() {
  small = smallProject('positive-down');
  const b = small.hole('B', { eoh: 30 });
  const a = small.hole('A', { azimuth: 90, dip: 70 });
  small.survey(a, 50, 95, 55);
  small.survey(a, 0, 90, 60);
  const zn = small.analyte('Zn');
  const pb = small.analyte('Pb');
  const ag = small.analyte('Ag', 'ppm');
  small.sample(a, 5, 6, { id: 10 });
  small.sample(a, 0, 1, { id: 3 });
  small.sample(a, 1, 2, { id: 7, density: 2.8 });
  small.sample(a, null, null, { id: 20, type: 'blank' });
  small.sample(a, 0, 1, { id: 21, type: 'duplicate' });
  small.result(3, zn, 1.5);
  small.result(3, pb, 0.01, 'bdl', { text: '<0.01' });
  small.result(7, zn, 12, 'value', { seq: 0, preferred: 0 });
  small.result(7, zn, 11.5, 'value', { seq: 1, preferred: 1 });
  small.result(10, zn, null, 'ns');
  small.result(10, pb, 10, 'odl', { text: '>10' });
  small.result(3, ag, 5);
  small.result(21, zn, 99);
  small.sample(b, 0, 3, { id: 30 });
  small.result(30, zn, 4);
  small.lithology(a, 0, 3, 'MS');
  small.lithology(a, 3, 7.5, 'SH');
  return { a, b, zn, pb, ag };
}

function options(analytes: { id: number; code: string }[], more: Partial<ScanOptions> = {}): ScanOptions {
  return {
    analytes,
    samples: true,
    surveys: true,
    lithology: true,
    depthExtent: true,
    dipConvention: 'positive-down',
    ...more,
  };
}

describe('compositing scan', () => {
  it('reads holes in hole ID order with regular samples, preferred results and negative-down dips', () => {
    const { zn, pb } = build();
    const holes = listScanHoles(small.project.db, null);
    expect(holes.map((h) => h.holeId)).toEqual(['A', 'B']);
    const scan = new CompositingScan(
      small.project.db,
      options([
        { id: zn, code: 'Zn' },
        { id: pb, code: 'Pb' },
      ]),
      'h',
    );
    const a = scan.read(holes[0]!);
    expect(a.collar).toMatchObject({ x: 1000, y: 2000, z: 300, azimuth: 90, dip: -70, eoh: null });
    expect(a.surveys).toEqual([
      { depth: 0, azimuth: 90, dip: -60 },
      { depth: 50, azimuth: 95, dip: -55 },
    ]);
    const s = a.samples;
    expect(s.count).toBe(3);
    expect([...s.from.subarray(0, 3)]).toEqual([0, 1, 5]);
    expect([...s.to.subarray(0, 3)]).toEqual([1, 2, 6]);
    expect(Number.isNaN(s.density[0])).toBe(true);
    expect(s.density[1]).toBe(2.8);
    // [sample * 2 + analyte]: Zn, Pb
    expect([s.values[0], s.flags[0], s.values[1], s.flags[1]]).toEqual([1.5, FLAG.value, 0.01, FLAG.bdl]);
    expect([s.values[2], s.flags[2], s.flags[3]]).toEqual([11.5, FLAG.value, FLAG.missing]);
    expect(Number.isNaN(s.values[3])).toBe(true);
    expect([s.flags[4], s.values[5], s.flags[5]]).toEqual([FLAG.ns, 10, FLAG.odl]);
    expect(a.lithology).toEqual([
      { from: 0, to: 3, code: 'MS' },
      { from: 3, to: 7.5, code: 'SH' },
    ]);
    expect(a.deepest).toBe(7.5);
    const b = scan.read(holes[1]!);
    expect(b.samples.count).toBe(1);
    expect(b.deepest).toBeNull(); // B records its end of hole
    expect(scan.samplesRead).toBe(4);
    expect(scan.holesRead).toBe(2);
    expect(scan.dataHash()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('digests what it reads: values, depths, densities, surveys, not lab text or other analytes', () => {
    const { zn } = build();
    const { db } = small.project;
    const digest = (more: Partial<ScanOptions> = {}) => {
      const scan = new CompositingScan(db, options([{ id: zn, code: 'Zn' }], more), 'header');
      const hole = scan.read(listScanHoles(db, ['A'])[0]!);
      return { hole: hole.digest, overall: scan.dataHash() };
    };
    const first = digest();
    expect(digest()).toEqual(first);
    db.prepare("UPDATE assay_results SET lab_text = '1.50' WHERE sample = 3 AND analyte = ?").run(zn);
    db.prepare('UPDATE assay_results SET value = 6 WHERE sample = 3 AND analyte <> ?').run(zn);
    expect(digest()).toEqual(first);
    const changes = [
      'UPDATE assay_results SET value = 1.6 WHERE sample = 3 AND analyte = 1',
      'UPDATE samples SET density = 2.9 WHERE id = 7',
      'UPDATE samples SET depth_to = 6.5 WHERE id = 10',
      'UPDATE surveys SET dip = 56 WHERE depth = 50',
      "UPDATE lithology SET code = 'QZ' WHERE depth_from = 0",
      'UPDATE holes SET elevation = 301 WHERE hole_id = ?',
    ];
    let previous = first.hole;
    for (const sql of changes) {
      db.prepare(sql).run(...(sql.includes('?') ? ['A'] : []));
      const next = digest().hole;
      expect(next, sql).not.toBe(previous);
      previous = next;
    }
    // A table the run does not read leaves the digest alone; the header is part of the overall hash.
    const withoutSurveys = digest({ surveys: false });
    db.prepare('UPDATE surveys SET azimuth = 100 WHERE depth = 50').run();
    expect(digest({ surveys: false })).toEqual(withoutSurveys);
    const other = new CompositingScan(
      db,
      options([{ id: zn, code: 'Zn' }], { surveys: false }),
      'other header',
    );
    other.read(listScanHoles(db, ['A'])[0]!);
    expect(other.dataHash()).not.toBe(withoutSurveys.overall);
  });

  it('names holes that are not in the project', () => {
    build();
    expect(() => listScanHoles(small.project.db, ['A', 'a', 'C'])).toThrow(
      /Holes a, C are not in the project; check the hole IDs/,
    );
    expect(listScanHoles(small.project.db, ['B']).map((h) => h.holeId)).toEqual(['B']);
  });

  it('summarises errors per hole, table and rule (and analyte for results), ignoring warnings', () => {
    const { a, b } = build();
    small.problem(a, 'interval-overlap', 'error', 'Sample 2 overlaps sample 1.');
    small.problem(a, 'interval-overlap', 'error', 'Sample 3 overlaps sample 2.');
    small.problem(a, 'interval-overlap', 'error', 'Lithology MS overlaps.', { table: 'lithology' });
    small.problem(a, 'interval-gap', 'warning', 'Gap.');
    small.problem(a, 'assay-unreadable', 'error', 'Ag unreadable.', { table: 'assays', column: 'Ag' });
    small.problem(b, 'past-end-of-hole', 'error', 'Sample ends past EOH.', { column: 'depth_to' });
    expect(holeErrorSummaries(small.project.db)).toEqual([
      {
        rowId: a,
        holeId: 'A',
        table: 'assays',
        column: 'Ag',
        rule: 'assay-unreadable',
        count: 1,
        example: 'Ag unreadable.',
      },
      {
        rowId: a,
        holeId: 'A',
        table: 'lithology',
        column: null,
        rule: 'interval-overlap',
        count: 1,
        example: 'Lithology MS overlaps.',
      },
      {
        rowId: a,
        holeId: 'A',
        table: 'samples',
        column: null,
        rule: 'interval-overlap',
        count: 2,
        example: 'Sample 2 overlaps sample 1.',
      },
      {
        rowId: b,
        holeId: 'B',
        table: 'samples',
        column: null,
        rule: 'past-end-of-hole',
        count: 1,
        example: 'Sample ends past EOH.',
      },
    ]);
  });

  it('reads samples through the hole index and results through their primary key', () => {
    const { zn, pb } = build();
    const sql = scanStatements([
      { id: zn, code: 'Zn' },
      { id: pb, code: 'Pb' },
    ]).samples;
    const plan = (small.project.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1) as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH s USING INDEX samples_hole_from \(hole=\?\)/);
    expect(plan).toMatch(/SEARCH r0 USING PRIMARY KEY \(sample=\? AND analyte=\?\)/);
    expect(plan).toMatch(/SEARCH r1 USING PRIMARY KEY/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('refuses more analytes than one query can join', () => {
    const many = Array.from({ length: 61 }, (_, i) => ({ id: i + 1, code: `E${i}` }));
    expect(() => scanStatements(many)).toThrow(/at most 60 analytes/);
  });
});
