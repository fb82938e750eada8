// Importing forrestania (Pb_ppm, Zn_ppm) into the demo project, which stores Pb and Zn in % (issue 11):
// every clashing analyte named at once by the file's own name, conversion on request with the lab's
// text kept, a dry run that says "would", and collars far outside the project's holes warned.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportRequest } from '../../src/api/import-types';
import { ImportError, runImport } from '../../src/services/import/import-engine';
import { toApiError } from '../../src/services/api/error-mapping';
import type { Project } from '../../src/storage/project-db';
import { closeProject } from '../../src/storage/project-db';
import { demoProject, fingerprint, tempDirectory } from '../helpers/project-fixtures';
import { DATASETS } from '../helpers/datasets';

const who = { osUser: 'tester', source: 'import' as const };
let directory: ReturnType<typeof tempDirectory>;
let project: Project;

beforeEach(() => {
  directory = tempDirectory();
  project = demoProject(directory.path);
});
afterEach(() => {
  closeProject(project);
  directory.remove();
});

/** forrestania's files as the wizard sends a dropped file: a temporary path and the file's own name. */
function dropped(kinds: ('collars' | 'assays')[]): ImportRequest['files'] {
  return kinds.map((kind) => {
    const file = kind === 'collars' ? 'collar.csv' : 'assay.csv';
    const temporary = join(directory.path, `upload-${kind}-7f3a`);
    copyFileSync(join(DATASETS, 'forrestania', file), temporary);
    return { kind, path: temporary, name: file };
  });
}

function thrown(work: () => unknown): ImportError {
  try {
    work();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('The import was expected to be refused.');
}

describe('an assay file in other units than the project', () => {
  it('is refused naming every clashing analyte and the file by its own name, writing nothing', () => {
    const before = fingerprint(project.db);
    const files = dropped(['assays']);
    const error = thrown(() => runImport(project.db, project.settings, { files }, who));
    expect(error.message).toBe(
      "assay.csv: 2 assay columns in another unit than the project stores them in: Pb_ppm gives ppm where the project stores Pb in %; Zn_ppm gives ppm where the project stores Zn in %. Convert them to the project's units (1 % = 10,000 ppm): choose Convert for Pb, Zn in the Import view, or add --convert-units to drillbench import. Or map the columns to another analyte code.",
    );
    expect(error.message).not.toContain(directory.path);
    const api = toApiError(error);
    expect(api.ok).toBe(false);
    if (!api.ok)
      expect(api.error.details).toEqual([
        {
          where: 'assay.csv',
          column: 'Pb_ppm',
          message: 'Pb_ppm gives ppm where the project stores Pb in %',
        },
        {
          where: 'assay.csv',
          column: 'Zn_ppm',
          message: 'Zn_ppm gives ppm where the project stores Zn in %',
        },
      ]);
    // Converting one of the two is not enough: the other is still named.
    const partly = thrown(() =>
      runImport(project.db, project.settings, { files, convertUnits: ['Pb'] }, who),
    );
    expect(partly.message).toContain('1 assay column in another unit than the project stores it in: Zn_ppm');
    expect(fingerprint(project.db)).toBe(before);
  });

  it('converts to the project unit on request, keeping the lab text and recording the lab unit', () => {
    const summary = runImport(
      project.db,
      project.settings,
      { files: dropped(['collars', 'assays']), convertUnits: 'all' },
      who,
    );
    const assays = summary.files.find((file) => file.kind === 'assays')!;
    expect(assays.name).toBe('assay.csv');
    expect(assays.analytes.filter((a) => a.convertedFrom)).toEqual([
      { header: 'Pb_ppm', code: 'Pb', unit: '%', convertedFrom: 'ppm' },
      { header: 'Zn_ppm', code: 'Zn', unit: '%', convertedFrom: 'ppm' },
    ]);
    expect(summary.notes).toContain(
      "assay.csv: Pb_ppm (ppm to %), Zn_ppm (ppm to %) were converted to the project's unit (1 % = 10,000 ppm); the lab's text is kept as written and its unit recorded with each result.",
    );
    // BD048 142.51-143.51 m: Zn 359 ppm is 0.0359 %.
    const zn = project.db
      .prepare(
        `SELECT r.value, r.lab_text, r.lab_unit, r.flag FROM assay_results r JOIN analytes a ON a.id = r.analyte
           JOIN samples s ON s.id = r.sample JOIN holes h ON h.id = s.hole
          WHERE a.code = 'Zn' AND h.hole_id = 'BD048' ORDER BY s.depth_from LIMIT 1`,
      )
      .get();
    expect(zn).toEqual({ value: 0.0359, lab_text: '359', lab_unit: 'ppm', flag: 'value' });
    // The demo's own results are untouched.
    expect(
      project.db
        .prepare('SELECT count(*) FROM assay_results WHERE lab_unit IS NOT NULL AND sample <= 1467')
        .pluck()
        .get(),
    ).toBe(0);
    const audit = project.db
      .prepare(
        `SELECT l.new_value, c.description FROM audit_log l JOIN change_sets c ON c.id = l.change_set
          WHERE l.table_name = 'samples' AND l.action = 'import' ORDER BY l.id DESC LIMIT 1`,
      )
      .get() as { new_value: string; description: string };
    expect(audit.description).toBe('Import collars collar.csv; assays assay.csv');
    expect(JSON.parse(audit.new_value)).toMatchObject({
      files: ['collar.csv', 'assay.csv'],
      converted: [
        { file: 'assay.csv', column: 'Pb_ppm', from: 'ppm', to: '%' },
        { file: 'assay.csv', column: 'Zn_ppm', from: 'ppm', to: '%' },
      ],
    });
  });

  it('warns imported collars far outside the project holes, in the summary and in validation', () => {
    const summary = runImport(
      project.db,
      project.settings,
      { files: dropped(['collars']), dryRun: true },
      who,
    );
    expect(summary.placement).toHaveLength(100);
    expect(summary.placement[0]).toMatchObject({ rule: 'collar-far-away', hole_id: 'BD053' });
    expect(summary.placement[0]?.message).toMatch(
      /^Collar of BD053 \(E 5,962\.171, N 7,971\.137 m\) is [\d,]+ km outside the area of the project's 76 holes before this import \(E [\d,]+-[\d,]+, N [\d,]+-[\d,]+ m\); check for swapped easting and northing, another UTM zone, or feet read as metres\.$/,
    );
    const stored = summary.problems.filter((p) => p.rule === 'collar-far-away');
    // After the import most holes are forrestania's, so validation names the 76 demo holes as the group
    // apart, saying how many holes each side holds.
    expect(stored).toEqual([{ rule: 'collar-far-away', severity: 'warning', count: 76 }]);
  });
});

describe('a dry run', () => {
  it('says what would happen, never "Added"', () => {
    const summary = runImport(
      project.db,
      project.settings,
      {
        files: [{ kind: 'lithology', path: join(DATASETS, 'tom_zone/interpretation.csv') }],
        dryRun: true,
      },
      who,
    );
    const notes = summary.notes.join('\n');
    expect(notes).toMatch(/Would add \d+ codes to the lithology list/);
    expect(notes).toMatch(/holes had intervals or surveys but no collar row and would be created/);
    expect(notes).not.toMatch(/\bAdded\b|were created|was created/);
  });
});
