// Missing-value sentinels (issue 9, item 2): -99, -999, -9999 and the project's own codes are read as
// "no result", never as below a detection limit of thousands of %; a negative code whose limit cannot be
// (over 100 %) is a validation error; the import summary says how many of each it read.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interceptsFromTable } from '../../src/domain/compositing/run-results';
import { runKind } from '../../src/services/compositing/run-verify';
import { runImport } from '../../src/services/import/import-engine';
import { setProjectSetting } from '../../src/services/settings/project-settings';
import { validateProject } from '../../src/services/validation/validate-project';
import type { Project } from '../../src/storage/project-db';
import { tempFolder, tempProject } from '../helpers/temp-project';

const who = { osUser: 'tester', source: 'cli' } as const;

function write(folder: string, name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

function importFiles(project: Project) {
  const folder = tempFolder();
  return runImport(
    project.db,
    project.settings,
    {
      files: [
        {
          kind: 'collars',
          path: write(folder, 'collar.csv', 'hole_id,x,y,z,eoh\nDH1,100,200,300,10\nDH2,110,210,310,10\n'),
        },
        {
          kind: 'assays',
          path: write(
            folder,
            'assay.csv',
            [
              'hole_id,from,to,Cu_pct,Ag_ppm',
              'DH1,0,1,1.2,5',
              'DH1,1,2,-999,-999',
              'DH1,2,3,0.8,-1',
              'DH1,3,4,-9999,3',
              'DH1,4,5,1.0,-0.5',
              'DH2,0,1,0.5,2',
              'DH2,1,2,-5000,2',
            ].join('\n'),
          ),
        },
      ],
    },
    who,
  );
}

const result = (project: Project, hole: string, from: number, analyte: string) =>
  project.db
    .prepare(
      `SELECT r.value, r.flag, r.lab_text FROM assay_results r JOIN samples s ON s.id = r.sample
        JOIN holes h ON h.id = s.hole JOIN analytes a ON a.id = r.analyte
       WHERE h.hole_id = ? AND s.depth_from = ? AND a.code = ?`,
    )
    .get(hole, from, analyte);

describe('missing-value sentinels on import', () => {
  it('stores -999 and -9999 as missing with the lab text kept, and says so in the summary', () => {
    const project = tempProject();
    const summary = importFiles(project);
    expect(result(project, 'DH1', 1, 'Cu')).toEqual({ value: null, flag: 'missing', lab_text: '-999' });
    expect(result(project, 'DH1', 3, 'Cu')).toEqual({ value: null, flag: 'missing', lab_text: '-9999' });
    expect(result(project, 'DH1', 4, 'Ag')).toEqual({ value: 0.5, flag: 'bdl', lab_text: '-0.5' });
    const assays = summary.files.find((file) => file.kind === 'assays')!;
    expect(assays.missingCodes).toEqual([
      { text: '-999', count: 2 },
      { text: '-9999', count: 1 },
    ]);
    expect(summary.notes).toContain(
      'assay.csv: 3 results read as missing-value codes (no result), not as below detection: -999 (2), -9999 (1). Codes: -99, -999, -9999 (setting assays.missing_sentinels adds others).',
    );
    expect(summary.notes).toContain(
      'assay.csv: 1 result is a below-detection code whose detection limit would be over 100 % (1,000,000 ppm): -5000; flagged as errors (assay-implausible-limit).',
    );
    expect(summary.problems).toContainEqual({ rule: 'assay-implausible-limit', severity: 'error', count: 1 });
    // A full re-validation finds the same.
    validateProject(project.db, 'm');
    expect(
      project.db
        .prepare("SELECT count(*) FROM problems WHERE rule = 'assay-implausible-limit'")
        .pluck()
        .get(),
    ).toBe(1);
  });

  it('gives intercepts in percent, not thousands of percent, and leaves out the hole with -5000', () => {
    const project = tempProject();
    importFiles(project);
    const run = runKind(
      project,
      'intercepts',
      { params: { grade: 'Cu', cutoff: 0.5, minLength: 1, maxDilution: 2 } },
      { osUser: 'tester', source: 'cli' },
    );
    const rows = interceptsFromTable(run.table, ['Cu']).map((r) => r.intercept);
    expect(rows.map((i) => [i.holeId, i.from, i.to])).toEqual([['DH1', 0, 5]]);
    // The missing results are unsampled material, counted at zero grade.
    expect(rows[0]!.grade).toBeCloseTo((1.2 + 0.8 + 1.0) / 5, 12);
    expect(run.run.excluded).toEqual([
      {
        holeId: 'DH2',
        reason: 'validation errors in assays (Cu): detection limit over 100 % (1,000,000 ppm)',
        source: 'validation',
      },
    ]);
  });

  it("reads the project's own codes, on import and in stored results when the setting changes", () => {
    const project = tempProject();
    importFiles(project);
    expect(result(project, 'DH1', 2, 'Ag')).toEqual({ value: 1, flag: 'bdl', lab_text: '-1' });
    const change = setProjectSetting(project, 'assays.missing_sentinels', '-1, -5000', who);
    expect(change.value).toBe('-1,-5000');
    expect(change.effect).toBe(
      '2 stored results re-read: 2 now missing-value codes (no result); 2 holes re-validated.',
    );
    expect(result(project, 'DH1', 2, 'Ag')).toEqual({ value: null, flag: 'missing', lab_text: '-1' });
    expect(result(project, 'DH2', 1, 'Cu')).toEqual({ value: null, flag: 'missing', lab_text: '-5000' });
    // The implausible limit is gone with it, and the change is in the audit log.
    expect(
      project.db
        .prepare("SELECT count(*) FROM problems WHERE rule = 'assay-implausible-limit'")
        .pluck()
        .get(),
    ).toBe(0);
    const audited = project.db
      .prepare(
        "SELECT column_name, old_value, new_value FROM audit_log WHERE table_name = 'project_settings'",
      )
      .all();
    expect(audited).toEqual([
      { column_name: 'assays.missing_sentinels', old_value: null, new_value: '-1,-5000' },
    ]);
    expect(
      project.db
        .prepare("SELECT count(*) FROM audit_log WHERE table_name = 'assay_results' AND column_name = 'flag'")
        .pluck()
        .get(),
    ).toBe(2);
    // Taken off the list again, -1 is a below-detection code once more.
    setProjectSetting(project, 'assays.missing_sentinels', '-5000', who);
    expect(result(project, 'DH1', 2, 'Ag')).toEqual({ value: 1, flag: 'bdl', lab_text: '-1' });
    expect(() => setProjectSetting(project, 'assays.missing_sentinels', '999', who)).toThrow(
      /"999" is not a negative number/,
    );
  });
});
