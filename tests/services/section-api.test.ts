// The plan map and section calls through the router, on the demo, on Tom zone and on a small project
// with the awkward cases: every hole's trace (within the tolerance of the desurvey), holes that cannot be
// drawn named with the reason, a run's intervals placed by depth, and saved section lines.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunInfo } from '../../src/api/compositing-types';
import type { RunIntervals, SavedSectionLine, TraceSet } from '../../src/api/section-types';
import type { JobStatus } from '../../src/api/types';
import { DEMO_SECTION_LINES } from '../../src/domain/demo/demo-sections';
import { SEED_TABLE } from '../../src/domain/demo/seed-table';
import { buildHolePath, pointAt } from '../../src/domain/desurvey/minimum-curvature';
import { intervalOnSection, tracesOnSection } from '../../src/domain/sections/section-clipping';
import { positionAtDepth, traceEnd, traceIndex } from '../../src/domain/sections/hole-traces';
import { sectionFrame } from '../../src/domain/sections/section-geometry';
import { openApiSession, type ApiSession } from '../../src/services/api/api-session';
import { writeDemoProject } from '../../src/services/demo/demo-writer';
import { importDataset, type DatasetProject } from '../compositing/dataset-project';
import { DATASETS } from '../helpers/datasets';
import { newProject, tempDirectory } from '../helpers/project-fixtures';

function caller(session: ApiSession) {
  return async function call<T>(method: string, input: unknown): Promise<T> {
    const result = await session.router.dispatch(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
}

describe('the demo', () => {
  const folder = tempDirectory();
  let session: ApiSession;
  let call: ReturnType<typeof caller>;
  let traces: TraceSet;
  let intervals: RunIntervals;

  beforeAll(async () => {
    session = openApiSession(
      writeDemoProject(join(folder.path, 'demo.drillbench'), 'tester'),
      'api',
      'tester',
    );
    call = caller(session);
    traces = await call<TraceSet>('sections.traces', {});
    const status = await call<JobStatus>('intercepts.start', { preset: 'lower-e-zone-2011' });
    const done = await session.jobs.wait(status.id);
    intervals = await call<RunIntervals>('sections.intervals', { id: (done.result as RunInfo).id });
  });
  afterAll(async () => {
    await session.close();
    folder.remove();
  });

  it('draws all 76 holes to their end, none missing or straight', () => {
    expect(traces.holeCount).toBe(76);
    expect(traces.traces.holeIds).toHaveLength(76);
    expect(traces.missing).toEqual([]);
    expect(traces.straight).toEqual([]);
    expect(traces.collarOnly).toEqual([]);
    const h = traceIndex(traces.traces).get('EUG-11-109')!;
    expect(traceEnd(traces.traces, h)).toBe(282.9);
  });

  it('places each trace within its tolerance of the desurveyed path', () => {
    const db = session.project.db;
    const hole = db.prepare("SELECT * FROM holes WHERE hole_id = 'EUG-11-083'").get() as Record<
      string,
      number
    >;
    const surveys = db
      .prepare('SELECT depth, azimuth, dip FROM surveys WHERE hole = ? ORDER BY depth')
      .all(hole.id) as { depth: number; azimuth: number; dip: number }[];
    const path = buildHolePath(
      'EUG-11-083',
      { x: hole.easting!, y: hole.northing!, z: hole.elevation!, azimuth: null, dip: null, eoh: hole.eoh! },
      surveys,
    );
    const h = traceIndex(traces.traces).get('EUG-11-083')!;
    for (let depth = 0; depth <= hole.eoh!; depth += 3) {
      const drawn = positionAtDepth(traces.traces, h, depth)!;
      const truth = pointAt(path, depth);
      expect(Math.hypot(drawn.x - truth.x, drawn.y - truth.y, drawn.z - truth.z)).toBeLessThan(0.5);
    }
  });

  it("gives the run's 21 intervals with grades, true thickness and the run's plane", () => {
    expect(intervals.kind).toBe('intercepts');
    expect(intervals.hole).toHaveLength(21);
    expect(intervals.gradeUnit).toBe('%');
    expect(intervals.plane).toEqual({ dip: 28.5, dipDirection: 315 });
    const r = intervals.from.findIndex(
      (from, k) => from === 248.8 && intervals.holeIds[intervals.hole[k]!] === 'EUG-11-109',
    );
    expect(intervals.to[r]).toBeCloseTo(258.0, 9);
    expect(intervals.grade[r]).toBeCloseTo(13.73, 2);
    expect(intervals.gradeLength[r]).toBeCloseTo(13.73 * 9.2, 1);
    expect(intervals.trueThickness[r]).toBeCloseTo(4.0, 1);
  });

  it('draws a hole where it is after an edit (the traces kept between calls are read again)', async () => {
    expect(await call<TraceSet>('sections.traces', {})).toBe(await call<TraceSet>('sections.traces', {}));
    const rowId = session.project.db
      .prepare("SELECT id FROM holes WHERE hole_id = 'EUG-11-109'")
      .pluck()
      .get();
    await call('table.edit', { table: 'holes', edits: [{ rowId, column: 'easting', text: '368000' }] });
    const after = await call<TraceSet>('sections.traces', {});
    expect(after.traces.xyz[3 * after.traces.offsets[traceIndex(after.traces).get('EUG-11-109')!]!]).toBe(
      368000,
    );
    await call('edit.undo', {});
    const undone = await call<TraceSet>('sections.traces', {});
    expect(
      undone.traces.xyz[3 * undone.traces.offsets[traceIndex(undone.traces).get('EUG-11-109')!]!],
    ).not.toBe(368000);
  });

  it('keeps only the holes asked for', async () => {
    const some = await call<RunIntervals>('sections.intervals', {
      id: intervals.runId,
      holes: ['EUG-11-083', 'EUG-10-033', 'NOPE'],
    });
    expect(some.holeIds).toEqual(['EUG-10-033', 'EUG-11-083']);
    expect(some.hole).toEqual([0, 0, 1, 1]);
    expect(some.total).toBe(21);
  });

  it('ships the Lower E zone section, which shows every 2011 intercept on its slab', async () => {
    const lines = await call<SavedSectionLine[]>('sections.lines', {});
    expect(lines.map((l) => l.name)).toEqual(['Lower E zone 2011']);
    const frame = sectionFrame(DEMO_SECTION_LINES[0]!.line);
    const onSection = new Set(
      tracesOnSection(frame, traces.traces).map((p) => traces.traces.holeIds[p.hole]),
    );
    const index = traceIndex(traces.traces);
    for (const row of SEED_TABLE) {
      expect(onSection.has(row.hole)).toBe(true);
      const pieces = intervalOnSection(frame, traces.traces, index.get(row.hole)!, row.from, row.to);
      // Whole: one piece from the top of the intercept to its bottom.
      expect(pieces).toHaveLength(1);
      expect(pieces[0]!.depth[0]).toBeCloseTo(row.from, 9);
      expect(pieces[0]!.depth.at(-1)).toBeCloseTo(row.to, 9);
    }
  });

  it('saves, replaces and deletes section lines, and refuses a line of no length', async () => {
    const line = { start: { x: 368400, y: 5729300 }, end: { x: 368700, y: 5729500 }, halfWidth: 20 };
    const saved = await call<SavedSectionLine>('sections.saveLine', { name: 'Test', line });
    expect(saved).toMatchObject({ name: 'Test', ...line });
    const wider = await call<SavedSectionLine>('sections.saveLine', {
      name: 'Test',
      line: { ...line, halfWidth: 40 },
    });
    expect(wider.id).toBe(saved.id);
    expect((await call<SavedSectionLine[]>('sections.lines', {})).map((l) => [l.name, l.halfWidth])).toEqual([
      ['Lower E zone 2011', 75],
      ['Test', 40],
    ]);
    await call('sections.deleteLine', { name: 'Test' });
    expect(await call<SavedSectionLine[]>('sections.lines', {})).toHaveLength(1);
    const refused = await session.router.dispatch('sections.saveLine', {
      name: 'Dot',
      line: { ...line, end: line.start },
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('same place');
    const missing = await session.router.dispatch('sections.deleteLine', { name: 'Nope' });
    expect(!missing.ok && missing.error.message).toContain('no section line named "Nope"');
  });

  it('refuses the intervals of a desurvey run and names a composite analyte it lacks', async () => {
    const desurvey = await session.jobs.wait((await call<JobStatus>('desurvey.start', {})).id);
    const refused = await session.router.dispatch('sections.intervals', {
      id: (desurvey.result as RunInfo).id,
    });
    expect(!refused.ok && refused.error.message).toMatch(
      /desurvey run; choose an intercept or composite run/,
    );
    const composites = await session.jobs.wait(
      (await call<JobStatus>('composites.start', { params: { length: 2, analytes: ['Zn', 'Pb'] } })).id,
    );
    const id = (composites.result as RunInfo).id;
    const pb = await call<RunIntervals>('sections.intervals', { id, analyte: 'Pb', holes: ['EUG-11-083'] });
    expect(pb.gradeLabel).toBe('Pb');
    expect(pb.analytes).toEqual(['Zn', 'Pb']);
    expect(pb.including).toEqual([]);
    expect(pb.to[0]! - pb.from[0]!).toBeCloseTo(2, 9);
    const wrong = await session.router.dispatch('sections.intervals', { id, analyte: 'Cu' });
    expect(!wrong.ok && wrong.error.message).toContain('has no analyte Cu; its analytes are Zn, Pb');
  });
});

describe('holes that cannot be drawn as they are', () => {
  it('names holes without coordinates, elevation or orientation, and those drawn straight or as a collar', async () => {
    const folder = tempDirectory();
    const project = newProject(folder.path);
    const insert = project.db.prepare(
      'INSERT INTO holes (hole_id, easting, northing, elevation, azimuth, dip, eoh) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run('NOXY', null, null, 100, 0, -90, 50);
    insert.run('NOZ', 10, 10, null, 0, -90, 50);
    insert.run('NOORIENT', 20, 20, 100, null, null, 50);
    insert.run('STRAIGHT', 30, 30, 100, 90, -45, 50);
    insert.run('COLLAR', 40, 40, 100, 0, -90, null);
    insert.run('SURVEYED', 50, 50, 100, null, null, 60);
    const surveyed = project.db.prepare("SELECT id FROM holes WHERE hole_id = 'SURVEYED'").pluck().get();
    project.db
      .prepare('INSERT INTO surveys (hole, depth, azimuth, dip) VALUES (?, 0, 180, -60)')
      .run(surveyed);
    const session = openApiSession(project, 'api', 'tester');
    try {
      const set = await caller(session)<TraceSet>('sections.traces', {});
      expect(set.holeCount).toBe(6);
      expect(set.traces.holeIds).toEqual(['COLLAR', 'STRAIGHT', 'SURVEYED']);
      expect(set.missing).toEqual([
        { holeId: 'NOORIENT', reason: 'has no survey and no collar azimuth and dip; enter either' },
        { holeId: 'NOXY', reason: 'no collar easting and northing' },
        { holeId: 'NOZ', reason: 'no collar elevation' },
      ]);
      expect(set.straight).toEqual(['COLLAR', 'STRAIGHT']);
      expect(set.collarOnly).toEqual(['COLLAR']);
      const h = traceIndex(set.traces).get('STRAIGHT')!;
      const end = positionAtDepth(set.traces, h, 50)!;
      expect(end.x).toBeCloseTo(30 + 50 * Math.SQRT1_2, 3);
      expect(end.z).toBeCloseTo(100 - 50 * Math.SQRT1_2, 3);
    } finally {
      await session.close();
      folder.remove();
    }
  });
});

describe('Tom zone', () => {
  let data: DatasetProject;
  let set: TraceSet;

  beforeAll(async () => {
    data = importDataset([
      { kind: 'collars', path: `${DATASETS}/tom_zone/collar.csv` },
      { kind: 'surveys', path: `${DATASETS}/tom_zone/survey.csv` },
      { kind: 'assays', path: `${DATASETS}/tom_zone/assay.csv` },
    ]);
    const session = openApiSession(data.project, 'api', 'tester');
    set = await caller(session)<TraceSet>('sections.traces', {});
  });
  afterAll(() => data.close());

  it('draws every one of its 273 holes with far fewer vertices than its 7,687 surveys', () => {
    expect(set.holeCount).toBe(273);
    expect(set.missing).toEqual([]);
    expect(set.traces.holeIds).toHaveLength(273);
    expect(set.traces.depth.length).toBeLessThan(7687);
    expect(set.traces.depth.length).toBeGreaterThan(273 * 2);
  });

  it('keeps the densely surveyed holes within the tolerance of their desurvey', () => {
    const db = data.project.db;
    const hole = db
      .prepare(
        'SELECT h.id, h.hole_id, h.easting, h.northing, h.elevation, h.eoh FROM holes h JOIN surveys s ON s.hole = h.id GROUP BY h.id ORDER BY count(*) DESC LIMIT 1',
      )
      .get() as {
      id: number;
      hole_id: string;
      easting: number;
      northing: number;
      elevation: number;
      eoh: number | null;
    };
    const surveys = db
      .prepare('SELECT depth, azimuth, dip FROM surveys WHERE hole = ? ORDER BY depth')
      .all(hole.id) as { depth: number; azimuth: number; dip: number }[];
    expect(surveys.length).toBeGreaterThan(100);
    const path = buildHolePath(
      hole.hole_id,
      { x: hole.easting, y: hole.northing, z: hole.elevation, azimuth: null, dip: null, eoh: hole.eoh },
      surveys,
    );
    const h = traceIndex(set.traces).get(hole.hole_id)!;
    const end = traceEnd(set.traces, h);
    for (let depth = 0; depth <= end; depth += end / 97) {
      const drawn = positionAtDepth(set.traces, h, depth)!;
      const truth = pointAt(path, depth);
      // Across the hole within the tolerance; along it, chords interpolated by depth may lag a little more.
      expect(Math.hypot(drawn.x - truth.x, drawn.y - truth.y, drawn.z - truth.z)).toBeLessThan(1);
    }
  });
});
