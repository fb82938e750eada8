// The intercepts, composite, desurvey and runs commands in-process through runCli: help, usage errors that
// say what to type, XLSX output with its Parameters sheet, runs listed, shown, verified (exit 1 once the
// data changed), exported and deleted, and a hole ID that would be a spreadsheet formula kept as text.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { writeDemoProject } from '../../src/services/demo/demo-writer';
import { closeProject, openProject } from '../../src/storage/project-db';

let directory: string;
let demo: string;

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'drillbench-cli-'));
  demo = join(directory, 'demo.drillbench');
  closeProject(writeDemoProject(demo, 'tester'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('compositing commands', () => {
  it.each(['intercepts', 'composite', 'desurvey', 'runs'])(
    '%s --help describes every option',
    async (name) => {
      const { status, out } = await cli(name, '--help');
      expect(status).toBe(0);
      expect(out).toMatch(new RegExp(`^Usage: drillbench ${name} `));
      if (name === 'intercepts') {
        for (const flag of [
          '--grade',
          '--cutoff',
          '--min-length',
          '--max-dilution',
          '--min-grade',
          '--min-gt',
          '--including-cutoff',
          '--including-min-length',
          '--including-max-dilution',
          '--weight',
          '--bdl',
          '--unsampled',
          '--cap',
          '--plane',
          '--preset',
          '--holes',
          '--out',
        ]) {
          expect(out).toContain(flag);
        }
      }
    },
  );

  it('refuses bad options with what to type instead', async () => {
    expect(await cli('intercepts', demo, '--preset', 'lower-e-zone-2011', '--plane', '28.5')).toMatchObject({
      status: 2,
      err: expect.stringMatching(/--plane takes DIP\/DIP-DIRECTION in degrees, e.g. --plane 28.5\/315/),
    });
    expect((await cli('intercepts', demo, '--preset', 'lower-e-zone-2011', '--cap', 'Zn')).err).toMatch(
      /--cap takes ANALYTE=GRADE/,
    );
    expect((await cli('intercepts', demo, '--preset', 'lower-e-zone-2011', '--plane', '95/315')).err).toMatch(
      /--plane: The plane dip is 0 to 90 degrees below horizontal/,
    );
    expect((await cli('intercepts', demo, '--preset', 'nope')).err).toMatch(
      /no intercepts preset named "nope"/,
    );
    expect((await cli('composite', demo, '--length', '2')).err).toMatch(/Give --out F.csv, F.xlsx or -/);
    expect((await cli('composite', demo, '--length=-2', '--out', 'x.csv')).err).toMatch(
      /--length: The composite length must be more than zero/,
    );
    expect((await cli('intercepts', demo, '--preset', 'lower-e-zone-2011', '--out', 'x.txt')).err).toMatch(
      /must end in .csv or .xlsx/,
    );
    // Refused before anything ran: no run was saved.
    expect((await cli('runs', 'list', demo)).out).toMatch(/^No runs saved/);
  });

  it('writes formatted XLSX results with a Parameters sheet, and lists and shows the run', async () => {
    const xlsx = join(directory, 'intercepts.xlsx');
    const result = await cli(
      'intercepts',
      demo,
      '--preset',
      'lower-e-zone-2011',
      '--including-cutoff',
      '15',
      '--out',
      xlsx,
    );
    expect(result.status, result.err).toBe(0);
    expect(result.out).toMatch(/^Run \d+ \(intercepts\): \d+ rows from 15 holes/);
    const sheets = await readXlsxFile(xlsx);
    expect(sheets.map((s) => s.sheet)).toEqual(['Intercepts', 'Parameters']);
    const rows = sheets[0]!.data;
    expect(rows[0]).toEqual([
      'hole_id',
      'kind',
      'from',
      'to',
      'length',
      'true_thickness',
      'angle_to_plane',
      'grade',
      'Zn',
      'Pb',
    ]);
    expect(rows.some((r) => r[1] === 'including')).toBe(true);
    expect(rows[1]![7]).toBeCloseTo(12.83, 9); // full precision kept in the cell
    const parameters = sheets[1]!.data;
    expect(parameters).toContainEqual(['Including: cutoff', 15]);
    expect(parameters).toContainEqual(['Including: minimum length', 0.5]);
    const list = await cli('runs', 'list', demo);
    expect(list.out).toMatch(/Run\s+Kind\s+Preset/);
    expect(list.out).toMatch(/intercepts\s+lower-e-zone-2011/);
    const show = await cli('runs', 'show', demo, '1');
    expect(show.out).toMatch(/Cutoff grade\s+5/);
    expect(show.out).toMatch(/Data hash \(SHA-256\)\s+[0-9a-f]{64}/);
  });

  it('verifies a run, and says plainly when the data changed', async () => {
    await cli('intercepts', demo, '--preset', 'lower-e-zone-2011', '--out', join(directory, 'v.csv'));
    const listed = JSON.parse((await cli('runs', 'list', demo, '--json')).out) as { runs: { id: number }[] };
    const id = String(listed.runs[0]!.id);
    const same = await cli('runs', 'verify', demo, id);
    expect(same.status).toBe(0);
    expect(same.out).toMatch(/read is unchanged .* a re-run gives identical results/);
    const project = openProject(demo);
    project.db
      .prepare(
        "UPDATE surveys SET dip = dip + 1 WHERE hole = (SELECT id FROM holes WHERE hole_id = 'EUG-11-100')",
      )
      .run();
    closeProject(project);
    const changed = await cli('runs', 'verify', demo, id);
    expect(changed.status).toBe(1);
    expect(changed.out).toMatch(
      /^THE DATA CHANGED since run \d+ .*1 hole changed \(EUG-11-100\)\. The results differ/,
    );
  });

  it('exports, reports and deletes runs', async () => {
    const csv = join(directory, 'report.csv');
    expect((await cli('runs', 'export', demo, '1', '--out', csv, '--report')).status).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\ufeffDrill Hole #,From,To,Interval (m),Estimated True Thickness,Zn %,Pb %,Zn+Pb %',
    );
    expect(text).toMatch(/including,/);
    expect((await cli('runs', 'report', demo, '1')).out).toMatch(/^Drill Hole #\s+From\s+To/);
    expect((await cli('runs', 'delete', demo, '1')).out).toBe('Deleted run 1.');
    expect((await cli('runs', 'show', demo, '1')).err).toMatch(/There is no run 1 in this project/);
    expect((await cli('runs', 'delete', demo, '1')).err).toMatch(/There is no run 1 in this project/);
    const project = openProject(demo);
    const audit = project.db
      .prepare(
        "SELECT c.description, c.source, a.old_value FROM audit_log a JOIN change_sets c ON c.id = a.change_set WHERE a.table_name = 'runs'",
      )
      .all() as { description: string; source: string; old_value: string }[];
    closeProject(project);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ description: 'Delete intercepts run 1', source: 'cli' });
    expect(JSON.parse(audit[0]!.old_value)).toMatchObject({
      kind: 'intercepts',
      preset: 'lower-e-zone-2011',
    });
  });

  it('composites with restarts at lithology and desurveys at every survey station', async () => {
    const composites = join(directory, 'composites.csv');
    const c = await cli(
      'composite',
      demo,
      '--length',
      '2',
      '--domains',
      '--holes',
      'EUG-11-083',
      '--out',
      composites,
    );
    expect(c.status, c.err).toBe(0);
    const lines = readFileSync(composites, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\ufeffhole_id,from,to,length,sampled_length,Zn,Pb,Zn_length,Pb_length,domain');
    const desurvey = join(directory, 'desurvey.csv');
    expect((await cli('desurvey', demo, '--holes', 'EUG-11-083', '--out', desurvey)).status).toBe(0);
    const rows = readFileSync(desurvey, 'utf8')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    const project = openProject(demo);
    const surveys = project.db
      .prepare(
        "SELECT depth FROM surveys WHERE hole = (SELECT id FROM holes WHERE hole_id = 'EUG-11-083') ORDER BY depth",
      )
      .pluck()
      .all() as number[];
    const eoh = project.db
      .prepare("SELECT eoh FROM holes WHERE hole_id = 'EUG-11-083'")
      .pluck()
      .get() as number;
    closeProject(project);
    const depths = rows.map((r) => Number(r[1]));
    expect(depths).toEqual([...new Set([0, ...surveys, eoh])].sort((a, b) => a - b));
  });
});

describe('formula injection', () => {
  it('keeps a hole ID that starts with = as text in CSV', async () => {
    const path = join(directory, 'evil.drillbench');
    expect((await cli('new', path)).status).toBe(0);
    const project = openProject(path);
    const { db } = project;
    db.prepare(
      'INSERT INTO holes (id, hole_id, easting, northing, elevation, azimuth, dip, eoh) VALUES (1, \'=HYPERLINK("x")\', 0, 0, 0, 0, -90, 10)',
    ).run();
    db.prepare("INSERT INTO analytes (id, code, unit) VALUES (1, 'Cu', '%')").run();
    db.prepare('INSERT INTO samples (id, hole, depth_from, depth_to) VALUES (1, 1, 0, 2)').run();
    db.prepare(
      "INSERT INTO assay_results (sample, analyte, value, lab_text, flag) VALUES (1, 1, 3, '3', 'value')",
    ).run();
    closeProject(project);
    const out = join(directory, 'evil.csv');
    expect(
      (
        await cli(
          'intercepts',
          path,
          '--grade',
          'Cu',
          '--cutoff',
          '1',
          '--min-length',
          '1',
          '--max-dilution',
          '0',
          '--out',
          out,
        )
      ).status,
    ).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",intercept,0,2,2,,,3,3`);
  });
});
