// The four shared data sets imported the way a user's files arrive: no row lost, every problem found.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportRequest } from '../../src/api/import-types';
import { runImport } from '../../src/services/import/import-engine';
import { countProblems } from '../../src/storage/problems-store';
import { setSetting } from '../../src/storage/settings-store';
import { validateProject } from '../../src/services/validation/validate-project';
import type { Project } from '../../src/storage/project-db';
import { DATASETS } from '../helpers/datasets';
import { tempProject } from '../helpers/temp-project';

const who = { osUser: 'tester', source: 'cli' } as const;

function files(
  folder: string,
  names: Partial<Record<'collars' | 'surveys' | 'assays' | 'lithology', string>>,
): ImportRequest['files'] {
  return Object.entries(names).map(([kind, name]) => ({
    kind: kind as 'collars',
    path: join(DATASETS, folder, name),
  }));
}

function count(project: Project, sql: string): number {
  return project.db.prepare(sql).pluck().get() as number;
}

function problems(project: Project): Record<string, number> {
  return Object.fromEntries(countProblems(project.db).map((p) => [p.rule, p.count]));
}

describe('shared data sets', () => {
  it('copper_creek: BOM, overlaps, gaps, negative below-detection codes, azimuth 360, deep first surveys', () => {
    const project = tempProject();
    const summary = runImport(
      project.db,
      project.settings,
      {
        files: files('copper_creek', {
          collars: 'collar.csv',
          surveys: 'survey.csv',
          assays: 'assay.csv',
          lithology: 'lithology.csv',
        }),
      },
      who,
    );
    expect(summary.refused).toEqual([]);
    expect(summary.counts).toMatchObject({ holes: 545, surveys: 5822, samples: 67321, lithology: 7150 });
    expect(count(project, 'SELECT count(*) FROM holes')).toBe(545);
    expect(count(project, "SELECT count(*) FROM holes WHERE hole_id = 'A-11'")).toBe(1);
    expect(summary.dipConvention).toMatchObject({ files: 'negative-down', how: 'detected' });
    expect(summary.notes.join('\n')).toContain('140 azimuths of 360 stored as 0');
    // Negative codes are below-detection results whose number is the limit; the lab text is kept.
    expect(count(project, "SELECT count(*) FROM assay_results WHERE flag = 'bdl'")).toBe(
      331 + 7804 + 311 + 1489,
    );
    expect(
      count(
        project,
        "SELECT count(*) FROM assay_results WHERE lab_text LIKE '-%' AND flag = 'bdl' AND value > 0",
      ),
    ).toBe(331 + 7804 + 311 + 1489);
    // Sorted by depth, 167 assay intervals start before the deepest end above them (the data set's README
    // counts 159 with another definition); 16 lithology intervals do too.
    const found = problems(project);
    expect(found['interval-overlap']).toBe(183);
    expect(
      count(
        project,
        "SELECT count(*) FROM problems WHERE rule = 'interval-overlap' AND table_name = 'samples'",
      ),
    ).toBe(167);
    // 585 gaps between samples; 256 of them inside a sampled run (5 m or less), which the default warns.
    expect(
      count(project, "SELECT count(*) FROM problems WHERE rule = 'interval-gap' AND table_name = 'samples'"),
    ).toBe(256);
    expect(
      count(
        project,
        'SELECT count(*) FROM surveys s WHERE s.depth = (SELECT min(depth) FROM surveys WHERE hole = s.hole) AND s.depth > 0',
      ),
    ).toBeGreaterThan(90);
    expect(project.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('tom_zone: dense surveys, up-holes, quoted lithology descriptions', () => {
    const project = tempProject();
    const summary = runImport(
      project.db,
      project.settings,
      {
        files: files('tom_zone', {
          collars: 'collar.csv',
          surveys: 'survey.csv',
          assays: 'assay.csv',
          lithology: 'interpretation.csv',
        }),
      },
      who,
    );
    expect(summary.refused).toEqual([]);
    expect(summary.counts).toMatchObject({ holes: 273, surveys: 7687, samples: 6215, lithology: 5097 });
    expect(
      summary.files.find((f) => f.kind === 'assays')?.analytes.map((a) => `${a.code} ${a.unit}`),
    ).toEqual(['Ag ppm', 'Pb %', 'Zn %']);
    expect(count(project, 'SELECT count(*) FROM surveys WHERE dip > 0')).toBe(19);
    expect(problems(project)['interval-overlap']).toBeUndefined();
    const gaps = () =>
      count(project, "SELECT count(*) FROM problems WHERE rule = 'interval-gap' AND table_name = 'samples'");
    // 410 of the 471 gaps between samples lie inside a sampled run; 'all' warns every one.
    expect(gaps()).toBe(410);
    setSetting(project.db, 'validation.sample_gaps', 'all');
    validateProject(project.db, 'm');
    expect(gaps()).toBe(471);
    expect(
      project.db.prepare("SELECT description FROM lithology WHERE code = 'TSBF' LIMIT 1").pluck().get(),
    ).toBe('Tom Black Facies');
  });

  it('forrestania: 50 sparse ppm elements, two overlaps, 70 of 208 gaps inside sampled runs, two surveys at one depth', () => {
    const project = tempProject();
    const summary = runImport(
      project.db,
      project.settings,
      { files: files('forrestania', { collars: 'collar.csv', surveys: 'survey.csv', assays: 'assay.csv' }) },
      who,
    );
    expect(summary.refused).toEqual([]);
    expect(summary.counts).toMatchObject({ holes: 100, surveys: 144, samples: 4074 });
    expect(summary.files.find((f) => f.kind === 'assays')?.analytes).toHaveLength(50);
    expect(problems(project)).toMatchObject({
      'interval-overlap': 2,
      'interval-gap': 70,
      'survey-duplicate-depth': 2,
    });
    // Empty cells are no result at all, not zeros.
    expect(count(project, 'SELECT count(*) FROM assay_results')).toBeLessThan(4074 * 50);
  });

  it('babbitt: feet and positive-down dips converted into a feet project, units given for bare columns', () => {
    const project = tempProject({ length_unit: 'ft' });
    const request: ImportRequest = {
      files: files('babbitt', {
        collars: 'collar_BABBITT.csv',
        surveys: 'survey_BABBITT.csv',
        assays: 'assay_BABBITT.csv',
      }),
      lengthUnit: 'ft',
    };
    expect(() => runImport(project.db, project.settings, request, who)).toThrow(
      /"CU", "NI", "S", "FE" have no unit.*--analyte-unit CU=%/,
    );
    expect(count(project, 'SELECT count(*) FROM holes')).toBe(0);
    const analytes = Object.fromEntries(
      ['CU', 'NI', 'S', 'FE'].map((code) => [code, { unit: '%' as const }]),
    );
    const assays = request.files.find((f) => f.kind === 'assays')!;
    assays.mapping = { analytes };
    const summary = runImport(project.db, project.settings, request, who);
    expect(summary.counts).toMatchObject({ holes: 399, surveys: 2628, samples: 35616 });
    expect(summary.dipConvention).toMatchObject({ files: 'positive-down', how: 'detected' });
    expect(count(project, 'SELECT max(dip) FROM surveys')).toBeLessThan(0);
    expect(
      count(
        project,
        'SELECT count(*) FROM assay_results r JOIN analytes a ON a.id = r.analyte WHERE a.code = ?'.replace(
          '?',
          "'CU'",
        ),
      ),
    ).toBe(23685);
    expect(
      count(
        project,
        "SELECT depth_to FROM samples WHERE hole = (SELECT id FROM holes WHERE hole_id = '34873') ORDER BY depth_from LIMIT 1",
      ),
    ).toBe(2515);
  });

  it('converts feet into a metre project', () => {
    const project = tempProject({ length_unit: 'm' });
    runImport(
      project.db,
      project.settings,
      {
        files: files('babbitt', { collars: 'collar_BABBITT.csv', surveys: 'survey_BABBITT.csv' }),
        lengthUnit: 'ft',
        dipConvention: 'positive-down',
      },
      who,
    );
    expect(count(project, "SELECT elevation FROM holes WHERE hole_id = '34873'")).toBeCloseTo(
      1590 * 0.3048,
      6,
    );
  });
});
