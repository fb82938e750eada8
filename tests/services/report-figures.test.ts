// The intercepts report with its figures, on the demo: the plan and the Lower E zone section drawn in the
// server (SVG text checked, PNG a real image), written beside the report, and placed on a Figures sheet
// of the workbook; the CLI writes the same files with --figures.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRun } from '../../src/services/compositing/run-export';
import { runKind } from '../../src/services/compositing/run-verify';
import { writeDemoProject } from '../../src/services/demo/demo-writer';
import { reportFigures } from '../../src/services/sections/report-figures';
import { closeProject, openProject, type Project } from '../../src/storage/project-db';
import { drillbench } from '../cli/cli-process';
import { tempDirectory } from '../helpers/project-fixtures';

const folder = tempDirectory();
let project: Project;
let runId: number;

/** Width and height from a PNG's header. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

beforeAll(() => {
  project = writeDemoProject(join(folder.path, 'demo.drillbench'), 'tester');
  runId = runKind(project, 'intercepts', { preset: 'lower-e-zone-2011' }, { osUser: 'tester', source: 'cli' })
    .run.id;
});
afterAll(() => {
  closeProject(project);
  folder.remove();
});

describe('report figures', () => {
  it('draws the plan and the saved section as SVG and a PNG twice the size', () => {
    const figures = reportFigures(project.db, runId, {
      plan: true,
      section: null,
      sectionName: 'Lower E zone 2011',
    });
    expect(figures.map((f) => f.name)).toEqual(['plan', 'section']);
    const [plan, section] = figures;
    expect(plan!.svg).toContain('EUG-11-109');
    expect(plan!.svg).toContain('Zn+Pb x length (% m)');
    expect(section!.title).toBe(
      'Lower E zone 2011: A-B azimuth 115, looking 025, 796 m long, 75 m either side',
    );
    expect(section!.svg).toContain('9.2 m @ 13.73 % Zn+Pb');
    expect(section!.svg).toContain('apparent dip 27.1 deg on this section');
    expect(pngSize(plan!.png)).toEqual([2400, 1600]);
  });

  it('refuses a section name the project does not have', () => {
    expect(() =>
      reportFigures(project.db, runId, { plan: true, section: null, sectionName: 'Nope' }),
    ).toThrow('There is no saved section line named "Nope"');
  });

  it('puts the figures on a Figures sheet and writes them beside the workbook', async () => {
    const path = join(folder.path, 'release.xlsx');
    const result = await exportRun(project.db, runId, path, {
      content: 'report',
      overwrite: false,
      figures: { plan: true, section: null, sectionName: 'Lower E zone 2011' },
    });
    expect(result.figures).toEqual(
      ['plan.svg', 'plan.png', 'section.svg', 'section.png'].map((name) =>
        join(folder.path, `release-${name}`),
      ),
    );
    expect(readFileSync(join(folder.path, 'release-section.svg'), 'utf8')).toContain('EUG-11-083');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Intercepts', 'Parameters', 'Figures']);
    const sheet = workbook.getWorksheet('Figures')!;
    expect(sheet.getImages()).toHaveLength(2);
    expect(String(sheet.getCell('A1').value)).toMatch(
      /^Plan: 76 holes, intercepts of run \d+ by Zn\+Pb x length$/,
    );
    // A second export does not replace the figures unless told to.
    await expect(
      exportRun(project.db, runId, join(folder.path, 'release.csv'), {
        content: 'report',
        overwrite: false,
        figures: { plan: true, section: null },
      }),
    ).rejects.toThrow('release-plan.svg already exists');
  });

  it('writes them from the command line with --figures', () => {
    project.db.pragma('wal_checkpoint(TRUNCATE)');
    closeProject(project);
    const out = join(folder.path, 'figures');
    const result = drillbench(
      'runs',
      'report',
      join(folder.path, 'demo.drillbench'),
      String(runId),
      '--figures',
      out,
      '--section',
      'Lower E zone 2011',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      `run-${runId}-plan.png`,
      `run-${runId}-plan.svg`,
      `run-${runId}-section.png`,
      `run-${runId}-section.svg`,
    ]);
    expect(result.stdout).toContain(`run-${runId}-section.svg`);
    expect(existsSync(join(out, `run-${runId}-plan.png`))).toBe(true);
    project = openProject(join(folder.path, 'demo.drillbench'));
  });
});
