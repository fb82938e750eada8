// The command line for issue 11: `new --crs EPSG:...`, `import --convert-units` with forrestania's ppm
// into a project storing Pb and Zn in %, and `validate` hiding acknowledged warnings, with plurals right.
import DatabaseConstructor from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { DATASETS } from '../helpers/datasets';
import { tempFolder } from '../helpers/temp-project';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('drillbench new --crs', () => {
  it('stores the EPSG code and says its name; refuses text that is not a code', async () => {
    const project = join(tempFolder(), 'tom.drillbench');
    const created = await cli('new', project, '--crs', 'epsg:32609');
    expect(created).toMatchObject({
      code: 0,
      out: expect.stringContaining('EPSG:32609 WGS 84 / UTM zone 9N'),
    });
    const db = new DatabaseConstructor(project, { readonly: true });
    expect(db.prepare('SELECT coordinate_system FROM project').pluck().get()).toBe('EPSG:32609');
    db.close();
    const refused = await cli('new', join(tempFolder(), 'x.drillbench'), '--crs', 'UTM 9 north');
    expect(refused).toMatchObject({
      code: 2,
      err: expect.stringContaining('"UTM 9 north" is not an EPSG code'),
    });
  });
});

describe('drillbench import --convert-units', () => {
  it('refuses forrestania into the demo naming Pb_ppm and Zn_ppm, then converts them when asked', async () => {
    const project = join(tempFolder(), 'demo.drillbench');
    await cli('demo', project);
    const assays = join(DATASETS, 'forrestania/assay.csv');
    const refused = await cli('import', project, '--assays', assays, '--dry-run');
    expect(refused.code).toBe(3);
    expect(refused.err).toContain('Pb_ppm gives ppm where the project stores Pb in %');
    expect(refused.err).toContain('Zn_ppm gives ppm where the project stores Zn in %');
    expect(refused.err).toContain('--convert-units');
    const dry = await cli('import', project, '--assays', assays, '--convert-units', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Dry run (nothing written): would import 72 holes');
    expect(dry.out).toContain('Pb (%, converted from ppm)');
    expect(dry.out).toContain('would be converted');
    expect(dry.out).not.toMatch(/\bAdded\b/);
    const done = await cli('import', project, '--assays', assays, '--convert-units');
    expect(done.out).toContain('Imported 72 holes, 0 surveys, 4,074 samples');
    expect(done.out).toContain('Zn_ppm (ppm to %) were converted');
  });
});

describe('drillbench validate', () => {
  it('lists acknowledged warnings only when asked, and counts in words', async () => {
    const project = join(tempFolder(), 'demo.drillbench');
    await cli('demo', project);
    const db = new DatabaseConstructor(project);
    const warning = db
      .prepare("SELECT table_name, row_id, rule, message FROM problems WHERE rule = 'survey-dogleg' LIMIT 1")
      .get() as { table_name: string; row_id: number; rule: string; message: string };
    const set = db
      .prepare(
        "INSERT INTO change_sets (at, os_user, source, description) VALUES ('2026-01-02T03:04:05Z', 'geo', 'api', 'ack')",
      )
      .run().lastInsertRowid;
    db.prepare(
      `INSERT INTO problem_acknowledgements (table_name, row_id, rule, message, hole_id, note, os_user, at, change_set)
       VALUES (?, ?, ?, ?, 'EUG-11-038', 'Wedge at 100 m.', 'geo', '2026-01-02T03:04:05Z', ?)`,
    ).run(warning.table_name, warning.row_id, warning.rule, warning.message, set);
    db.close();
    const hidden = await cli('validate', project);
    expect(hidden.out).toContain(
      // Two dogleg warnings and the QA/QC warnings of the demo's batches.
      '0 errors, 456 warnings (1 acknowledged, not listed; --acknowledged lists them)',
    );
    expect(hidden.out.match(/survey-dogleg/g)).toHaveLength(1);
    const shown = await cli('validate', project, '--acknowledged');
    expect(shown.out).toContain('[acknowledged by geo 2026-01-02: Wedge at 100 m.]');
  });
});
