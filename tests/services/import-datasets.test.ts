// The four shared data sets through the wizard's engine: files inspected as the wizard does (kind,
// mapping, unit and dip hints), imported as the wizard asks, and checked against facts counted
// independently from the raw files (rows, gaps, overlaps, negative below-detection codes, BOM,
// feet and positive-down dips converted).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportRequest, ImportSummary } from '../../src/api/import-types';
import type { FileKind } from '../../src/domain/import/header-mapping';
import { openApiSession } from '../../src/services/api/api-session';
import { inspectImportFile } from '../../src/services/import/file-inspection';
import { runImport } from '../../src/services/import/import-engine';
import { closeProject, type Project } from '../../src/storage/project-db';
import { DATASETS } from '../helpers/datasets';
import { count, newProject, tempDirectory } from '../helpers/project-fixtures';

const who = { osUser: 'tester', source: 'import' as const };

/** Builds the request the wizard would send after inspecting each file and taking its hints. */
async function wizardRequest(project: Project, paths: string[]): Promise<ImportRequest> {
  const files: ImportRequest['files'] = [];
  const units = new Set<string>();
  const dips = new Set<string>();
  for (const path of paths) {
    const preview = await inspectImportFile(project.db, { path });
    expect(preview.kind, path).not.toBeNull();
    expect(preview.mappingError, path).toBeNull();
    if (preview.hints.lengthUnit?.unit) units.add(preview.hints.lengthUnit.unit);
    if (preview.hints.dipConvention?.convention) dips.add(preview.hints.dipConvention.convention);
    files.push({
      kind: preview.kind as FileKind,
      path,
      dialect: { delimiter: preview.delimiter, decimalComma: preview.decimalComma },
      mapping: {
        columns: preview.fields,
        analytes: Object.fromEntries(
          preview.analytes.map((analyte) => [
            analyte.header,
            { code: analyte.code, unit: analyte.unit ?? ('%' as const) },
          ]),
        ),
        ignore: preview.ignoredColumns.filter((header) => header.trim() !== ''),
      },
    });
  }
  expect(units.size, 'the unit hints agree').toBeLessThanOrEqual(1);
  expect(dips.size, 'the dip hints agree').toBeLessThanOrEqual(1);
  return {
    files,
    lengthUnit: ([...units][0] as ImportRequest['lengthUnit']) ?? project.settings.length_unit,
    dipConvention: ([...dips][0] as ImportRequest['dipConvention']) ?? project.settings.dip_convention,
    rememberMapping: true,
  };
}

function problemCount(project: Project, table: string, rule: string): number {
  return project.db
    .prepare('SELECT count(*) FROM problems WHERE table_name = ? AND rule = ?')
    .pluck()
    .get(table, rule) as number;
}

/** Overlaps and gaps counted straight from a raw interval file, independently of the engine. */
function rawIntervals(file: string, tolerance = 0.001) {
  const lines = readFileSync(file, 'utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split(/\r?\n/)
    .slice(1);
  const byHole = new Map<string, [number, number][]>();
  for (const line of lines) {
    const [hole, from, to] = line.split(',');
    const list = byHole.get(hole!) ?? [];
    list.push([Number(from), Number(to)]);
    byHole.set(hole!, list);
  }
  let withReach = 0;
  let gaps = 0;
  // Gaps a sampled run holds: at most the default run break of 5 m (an independent count of the rule).
  let gapsUpTo5 = 0;
  for (const list of byHole.values()) {
    const sorted = list.filter(([from, to]) => from < to).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let reach = -Infinity;
    sorted.forEach(([from, to], index) => {
      if (index > 0) {
        if (from < reach - tolerance) withReach++;
        else if (from > reach + tolerance) {
          gaps++;
          if (from - reach <= 5) gapsUpTo5++;
        }
      }
      reach = Math.max(reach, to);
    });
  }
  return { withReach, gaps, gapsUpTo5 };
}

describe('the shared data sets through the import wizard engine', () => {
  const directory = tempDirectory();
  afterAll(() => directory.remove());

  it('tom_zone (through the API and a background job): every row, gaps but no overlaps', async () => {
    const project = newProject(directory.path, 'tom_zone');
    const session = openApiSession(project, 'api');
    try {
      const paths = ['collar.csv', 'survey.csv', 'assay.csv', 'interpretation.csv'].map((file) =>
        join(DATASETS, 'tom_zone', file),
      );
      const request = await wizardRequest(project, paths);
      expect(request.lengthUnit).toBe('m');
      expect(request.dipConvention).toBe('negative-down');
      const started = await session.router.dispatch('import.start', request);
      expect(started.ok).toBe(true);
      const id = (started as { value: { id: string } }).value.id;
      const status = await session.jobs.wait(id);
      expect(status.error).toBeNull();
      const summary = status.result as ImportSummary;
      expect(summary.counts).toMatchObject({ holes: 273, surveys: 7687, samples: 6215, lithology: 5097 });
      expect(summary.refused).toEqual([]);
      const raw = rawIntervals(join(DATASETS, 'tom_zone/assay.csv'));
      expect(raw.gaps).toBe(471);
      // The default warns the gaps inside a sampled run (5 m or less): 410 of them.
      expect(raw.gapsUpTo5).toBe(410);
      expect(problemCount(project, 'samples', 'interval-gap')).toBe(410);
      expect(problemCount(project, 'samples', 'interval-overlap')).toBe(0);
      // The mapping is remembered: the same layout comes back mapped, with its options.
      const again = await inspectImportFile(project.db, { path: paths[3]! });
      expect(again.saved).toMatchObject({ kind: 'lithology', uses: 1 });
      expect(again.saved?.mapping.columns).toMatchObject({ code: 'code', description: 'code_long' });
    } finally {
      await session.close();
    }
  });

  it('copper_creek: BOM stripped, overlaps and gaps found, negative codes stored as below detection', async () => {
    const project = newProject(directory.path, 'copper_creek');
    try {
      const paths = ['collar.csv', 'survey.csv', 'assay.csv', 'lithology.csv'].map((file) =>
        join(DATASETS, 'copper_creek', file),
      );
      const preview = await inspectImportFile(project.db, { path: paths[2]! });
      expect(preview.detected).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ',' });
      expect(preview.header[0]).toBe('hole_ID');
      const summary = runImport(project.db, project.settings, await wizardRequest(project, paths), who);
      expect(summary.counts).toMatchObject({ holes: 545, surveys: 5822, samples: 67321, lithology: 7150 });
      expect(
        project.db.prepare("SELECT count(*) FROM holes WHERE hole_id LIKE '\ufeff%'").pluck().get(),
      ).toBe(0);
      expect(project.db.prepare("SELECT count(*) FROM holes WHERE hole_id = 'A-11'").pluck().get()).toBe(1);
      const raw = rawIntervals(join(DATASETS, 'copper_creek/assay.csv'));
      // Overlaps counted from the raw file against the deepest end so far (an interval nested in an
      // earlier long one counts too); the README's 159 was counted another way.
      expect(raw.withReach).toBeGreaterThan(159);
      expect(problemCount(project, 'samples', 'interval-overlap')).toBe(raw.withReach);
      expect(raw.gaps).toBe(585);
      expect(problemCount(project, 'samples', 'interval-gap')).toBe(raw.gapsUpTo5);
      const negatives = Object.fromEntries(
        (
          project.db
            .prepare(
              `SELECT a.code, count(*) AS n FROM assay_results r JOIN analytes a ON a.id = r.analyte
                WHERE r.flag = 'bdl' AND r.lab_text LIKE '-%' AND r.value > 0 GROUP BY a.code`,
            )
            .all() as { code: string; n: number }[]
        ).map((row) => [row.code, row.n]),
      );
      expect(negatives).toEqual({ Cu: 331, Mo: 7804, Ag: 311, Au: 1489 });
    } finally {
      closeProject(project);
    }
  });

  it('babbitt: feet and positive-down dips detected, converted to the metres, negative-down project', async () => {
    const project = newProject(directory.path, 'babbitt');
    try {
      const paths = ['collar_BABBITT.csv', 'survey_BABBITT.csv', 'assay_BABBITT.csv'].map((file) =>
        join(DATASETS, 'babbitt', file),
      );
      const request = await wizardRequest(project, paths);
      expect(request.lengthUnit).toBe('ft');
      expect(request.dipConvention).toBe('positive-down');
      const summary = runImport(project.db, project.settings, request, who);
      expect(summary.counts).toMatchObject({ holes: 399, surveys: 2628, samples: 35616 });
      expect(summary.notes.join(' ')).toMatch(/converted from ft to m/);
      expect(summary.notes.join(' ')).toMatch(/Dips converted from positive-down to negative-down/);
      const first = project.db
        .prepare(
          "SELECT s.depth_from, s.depth_to FROM samples s JOIN holes h ON h.id = s.hole WHERE h.hole_id = '34873' ORDER BY s.depth_from LIMIT 1 OFFSET 1",
        )
        .get() as { depth_from: number; depth_to: number };
      expect(first).toEqual({ depth_from: 766.572, depth_to: 767.30352 });
      const survey = project.db
        .prepare(
          "SELECT s.dip FROM surveys s JOIN holes h ON h.id = s.hole WHERE h.hole_id = 'B1-001' AND s.depth = 0",
        )
        .pluck()
        .get();
      expect(survey).toBe(-60);
      expect(project.db.prepare('SELECT max(dip) FROM surveys').pluck().get()).toBeLessThan(0);
      expect(
        project.db
          .prepare(
            "SELECT count(*) FROM assay_results r JOIN analytes a ON a.id = r.analyte WHERE a.code = 'CU'",
          )
          .pluck()
          .get(),
      ).toBe(23685);
      const easting = project.db.prepare("SELECT easting FROM holes WHERE hole_id = '34873'").pluck().get();
      expect(easting).toBeCloseTo(2296021.09 * 0.3048, 6);
    } finally {
      closeProject(project);
    }
  });

  it('forrestania: 50 elements in ppm, local coordinates, two overlaps, 208 gaps of which 70 inside sampled runs', async () => {
    const project = newProject(directory.path, 'forrestania');
    try {
      const paths = ['collar.csv', 'survey.csv', 'assay.csv'].map((file) =>
        join(DATASETS, 'forrestania', file),
      );
      const summary = runImport(project.db, project.settings, await wizardRequest(project, paths), who);
      expect(summary.counts).toMatchObject({ holes: 100, surveys: 144, samples: 4074 });
      expect(summary.files[2]!.analytes.length).toBeGreaterThanOrEqual(45);
      expect(summary.files[2]!.analytes.every((analyte) => analyte.unit === 'ppm')).toBe(true);
      expect(problemCount(project, 'samples', 'interval-overlap')).toBe(2);
      const raw = rawIntervals(join(DATASETS, 'forrestania/assay.csv'));
      expect(raw.gaps).toBe(208);
      expect(raw.gapsUpTo5).toBe(70);
      expect(problemCount(project, 'samples', 'interval-gap')).toBe(70);
    } finally {
      closeProject(project);
    }
  });

  it('keeps leading zeros of hole and sample IDs from CSV and XLSX', async () => {
    const project = newProject(directory.path, 'zeros');
    try {
      const fixtures = join(import.meta.dirname, '../fixtures/import');
      runImport(
        project.db,
        project.settings,
        {
          files: [
            { kind: 'collars', path: join(fixtures, 'ruddock-2012-collars.csv') },
            { kind: 'assays', path: join(fixtures, 'ruddock-2012-assays.csv'), mapping: {} },
          ],
          resultCodes: { ND: 'bdl' },
        },
        who,
      );
      const ids = project.db.prepare('SELECT sample_id FROM samples ORDER BY sample_id').pluck().all();
      expect(ids[0]).toBe('0714001');
      expect(count(project.db, 'samples')).toBe(10);
      const nd = project.db
        .prepare(
          "SELECT r.flag, r.value, r.lab_text FROM assay_results r JOIN samples s ON s.id = r.sample WHERE s.sample_id = '0714008' LIMIT 1",
        )
        .get();
      expect(nd).toEqual({ flag: 'bdl', value: null, lab_text: 'ND' });
      const comment = project.db
        .prepare("SELECT comments FROM samples WHERE sample_id = '0714002'")
        .pluck()
        .get();
      expect(comment).toBe('Sulfure massif, géologue: M. Lévesque');
    } finally {
      closeProject(project);
    }
  });
});
