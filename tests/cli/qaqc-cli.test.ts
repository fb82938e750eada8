// `drillbench qaqc` in-process on a demo project: the standards table listed and imported (a bad line
// writes nothing, exit 3), the report with every failure (exit 1), and usage mistakes (exit 2).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { tempFolder } from '../helpers/temp-project';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('drillbench qaqc', () => {
  it('lists and imports the standards table and reports the failures', async () => {
    const folder = tempFolder();
    const project = join(folder, 'demo.drillbench');
    expect((await cli('demo', project)).code).toBe(0);

    const listed = await cli('qaqc', 'standards', 'list', project);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^Standard\s+Analyte\s+Certified\s+SD\s+Unit\s+Source/);
    expect(listed.out).toMatch(/CDN-ME-4\s+Zn\s+15\.12\s+0\.2\s+%/);

    const report = await cli('qaqc', 'report', project);
    expect(report.code).toBe(1);
    expect(report.out).toContain(
      '64 standards, 64 blanks and 63 field duplicates inserted; 4 lines in the standards table.',
    );
    expect(report.out).toMatch(/CDN-ME-4\s+32\s+2\s+0\s+0\.52 %/);
    expect(report.out).toContain('Blanks: 64 results, 1 above 0.05 % (5 x DL).');
    expect(report.out).toContain(
      'VAN11000266  EUG-11-078  standard CDN-ME-1 (sample 0712844) Zn 15.28 % is beyond 3 SD',
    );
    expect(report.out).toContain('5 QA/QC failures.');

    const bad = join(folder, 'bad.csv');
    writeFileSync(bad, 'code,analyte,value,sd\nCDN-ME-1,Zn,6.45,-1\n');
    const refused = await cli('qaqc', 'standards', 'import', project, bad);
    expect(refused.code).toBe(3);
    expect(refused.err).toContain('1 bad lines; nothing was written');
    expect(refused.err).toContain('line 2, column sd: The SD "-1" is not a number above 0');

    const good = join(folder, 'good.csv');
    writeFileSync(good, 'code,analyte,value,sd\nCDN-ME-4,Zn,15.12,0.5\n');
    const dry = await cli('qaqc', 'standards', 'import', project, good, '--dry-run');
    expect(dry.out).toContain('Dry run (nothing written): would add 0, change 1, 0 unchanged, of 1 lines.');
    const imported = await cli('qaqc', 'standards', 'import', project, good);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('QA/QC: 3 failures');
    expect((await cli('qaqc', 'report', project, '--analyte', 'Zn')).out).toContain('2 QA/QC failures.');
  });

  it('explains usage mistakes', async () => {
    expect(await cli('qaqc')).toMatchObject({ code: 2, err: expect.stringContaining('Give a subcommand') });
    expect(await cli('qaqc', 'standards', 'erase')).toMatchObject({
      code: 2,
      err: expect.stringContaining('list|import'),
    });
    expect(await cli('qaqc', 'report')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Give the project'),
    });
  });
});
