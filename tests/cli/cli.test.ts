// The drillbench command line, run in-process on real project files.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, runCli } from '../../src/cli/main';
import { DATASETS } from '../helpers/datasets';
import { tempFolder } from '../helpers/temp-project';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('drillbench CLI', () => {
  it('prints help for itself and every command', async () => {
    expect((await cli('--help')).out).toContain('Usage: drillbench <command>');
    for (const command of COMMANDS) {
      const result = await cli(command.name, '--help');
      expect(result.code).toBe(0);
      expect(result.out).toContain(`Usage: drillbench ${command.name}`);
    }
  });

  it('explains usage mistakes with exit status 2', async () => {
    expect(await cli('frobnicate')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unknown command "frobnicate"'),
    });
    expect(await cli('new', '--units', 'yards', join(tempFolder(), 'x.drillbench'))).toMatchObject({
      code: 2,
      err: '--units must be one of m, ft, not "yards".',
    });
    expect(await cli('import', join(tempFolder(), 'x.drillbench'), '--colars', 'c.csv')).toMatchObject({
      code: 2,
      err: expect.stringContaining("Unknown option '--colars'"),
    });
    expect(await cli('validate')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Give the project'),
    });
  });

  it('creates, imports and validates a project, failing validation when there are errors', async () => {
    const project = join(tempFolder(), 'forrestania.drillbench');
    expect(await cli('new', project)).toMatchObject({ code: 0, out: expect.stringContaining('Created') });
    const imported = await cli(
      'import',
      project,
      '--collars',
      join(DATASETS, 'forrestania/collar.csv'),
      '--surveys',
      join(DATASETS, 'forrestania/survey.csv'),
      '--assays',
      join(DATASETS, 'forrestania/assay.csv'),
    );
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('Imported 100 holes, 144 surveys, 4074 samples');
    const validated = await cli('validate', project, '--json');
    expect(validated.code).toBe(1);
    const report = JSON.parse(validated.out) as {
      errors: number;
      warnings: number;
      problems: { rule: string; hole_id: string; row_id: number }[];
    };
    expect(report.errors).toBe(4);
    expect(report.warnings).toBe(208);
    expect(report.problems.filter((p) => p.rule === 'interval-overlap')).toHaveLength(2);
    const table = await cli('validate', project, '--severity', 'error');
    expect(table.out).toMatch(/^Rule\s+Severity\s+Hole\s+Table\s+Row\s+Message/);
    expect(table.out).toContain('4 errors, 208 warnings');
  });

  it("reads -999 as no result, says so, and takes the project's own codes from drillbench settings", async () => {
    const folder = tempFolder();
    const project = join(folder, 'codes.drillbench');
    await cli('new', project);
    const assays = join(folder, 'assay.csv');
    writeFileSync(assays, 'hole_id,from,to,Cu_pct\nDH1,0,1,1.5\nDH1,1,2,-999\nDH1,2,3,-1\n');
    const imported = await cli('import', project, '--assays', assays);
    expect(imported.out).toContain(
      'note: assay.csv: 1 result read as missing-value codes (no result), not as below detection: -999 (1).',
    );
    const listed = await cli('settings', project);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(
      /assays\.missing_sentinels\s+\(none\)\s+\(none\)\s+Negative numbers that mean/,
    );
    const set = await cli('settings', project, 'assays.missing_sentinels=-1');
    expect(set).toMatchObject({
      code: 0,
      out: 'assays.missing_sentinels = -1. 1 stored result re-read: 1 now missing-value codes (no result); 1 hole re-validated.',
    });
    expect(await cli('settings', project, 'assays.missing_sentinels=1')).toMatchObject({
      code: 3,
      err: expect.stringContaining('"1" is not a negative number'),
    });
    expect(await cli('settings', project, 'dogleg')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Give the setting as KEY=VALUE'),
    });
  });

  it('refuses a missing project and a malformed file with exit status 3, writing nothing', async () => {
    expect(await cli('validate', join(tempFolder(), 'missing.drillbench'))).toMatchObject({
      code: 3,
      err: expect.stringContaining('does not exist'),
    });
    const folder = tempFolder();
    const project = join(folder, 'p.drillbench');
    await cli('new', project);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(folder, 'bad.csv'), 'hole_id,from,to\nA,0,1\nA,1\n');
    const result = await cli('import', project, '--assays', join(folder, 'bad.csv'));
    expect(result).toMatchObject({
      code: 3,
      err: expect.stringMatching(/bad.csv, line 3: 2 fields where the header has 3.*Nothing was imported/),
    });
    expect((await cli('validate', project)).out).toContain('0 errors, 0 warnings');
  });

  it('writes the demo project: 76 holes from 7 stations, 14,133.4 m, no errors', async () => {
    const project = join(tempFolder(), 'demo.drillbench');
    const result = await cli('demo', project);
    expect(result.code).toBe(0);
    expect(result.out).toContain('76 holes');
    expect(result.out).toContain('0 errors');
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(project, { readonly: true });
    expect(db.prepare('SELECT count(DISTINCT station), round(sum(eoh), 1) FROM holes').raw().get()).toEqual([
      7, 14133.4,
    ]);
    expect(db.prepare("SELECT count(*) FROM presets WHERE name = 'lower-e-zone-2011'").pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(DISTINCT sample_type) FROM samples').pluck().get()).toBe(4);
    db.close();
  });

  it('runs as a real process through bin/drillbench.js', () => {
    const result = spawnSync(
      process.execPath,
      [join(import.meta.dirname, '../../bin/drillbench.js'), '--version'],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
