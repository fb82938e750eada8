// Bad files give a clear error naming the file (and the line where there is one) and write nothing: the
// project's whole content is compared before and after, including when the bad file comes after a
// good one in the same import.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRequest } from '../../src/api/import-types';
import { ImportError, runImport } from '../../src/services/import/import-engine';
import { ImportSources } from '../../src/services/import/import-sources';
import { FileReadError } from '../../src/services/import/text-source';
import { closeProject, type Project } from '../../src/storage/project-db';
import { fingerprint, newProject, tempDirectory } from '../helpers/project-fixtures';

const who = { osUser: 'tester', source: 'cli' as const };
const GOOD_COLLARS =
  'hole_id,easting,northing,elevation,eoh\nNEW-1,1000,2000,300,120\nNEW-2,1010,2000,300,90\n';
const GOOD_ASSAYS =
  'hole_id,from,to,sample_id,Zn_ppm\nNEW-1,0,1,S1,520\nNEW-1,1,2,S2,<5\nNEW-2,0,1.5,S3,1210\n';

describe('bad files are refused whole, with the file and line, and nothing is written', () => {
  const directory = tempDirectory();
  let project: Project;
  let before: string;
  const file = (name: string, content: string | Buffer) => {
    const path = join(directory.path, name);
    writeFileSync(path, content);
    return path;
  };

  beforeAll(() => {
    project = newProject(directory.path);
    // Some data already in the project, so "nothing written" is checked against real content.
    runImport(
      project.db,
      project.settings,
      {
        files: [
          { kind: 'collars', path: file('existing-collars.csv', 'hole_id,x,y,eoh\nOLD-1,1,2,50\n') },
          { kind: 'assays', path: file('existing-assays.csv', 'hole_id,from,to,Zn_ppm\nOLD-1,0,1,1200\n') },
        ],
      },
      who,
    );
    before = fingerprint(project.db);
  });
  afterAll(() => {
    closeProject(project);
    directory.remove();
  });

  async function attempt(files: ImportRequest['files'], extra: Partial<ImportRequest> = {}): Promise<Error> {
    let sources: ImportSources | undefined;
    try {
      sources = await ImportSources.prepare(files);
      runImport(project.db, project.settings, { files, ...extra }, who, {}, sources);
    } catch (error) {
      expect(fingerprint(project.db)).toBe(before);
      return error as Error;
    } finally {
      sources?.close();
    }
    throw new Error('The import was expected to fail.');
  }

  it('a file cut short inside a quoted field', async () => {
    const path = file('truncated-quote.csv', `${GOOD_ASSAYS}NEW-2,1.5,3,S4,"0.7`);
    const error = await attempt([
      { kind: 'collars', path: file('collars.csv', GOOD_COLLARS) },
      { kind: 'assays', path },
    ]);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toContain('truncated-quote.csv');
    expect(error.message).toMatch(/Line 5: a quoted field is never closed/);
  });

  it('a file cut short in the middle of a row', async () => {
    const path = file('truncated-row.csv', `${GOOD_ASSAYS}NEW-2,1.5`);
    const error = await attempt([
      { kind: 'collars', path: file('collars.csv', GOOD_COLLARS) },
      { kind: 'assays', path },
    ]);
    expect(error.message).toContain('truncated-row.csv, line 5: 2 fields where the header has 5');
  });

  it('the wrong delimiter', async () => {
    const path = file('semicolons.csv', GOOD_ASSAYS.replace(/,/g, ';'));
    const error = await attempt([{ kind: 'assays', path, dialect: { delimiter: ',' } }]);
    expect(error.message).toContain('semicolons.csv');
    expect(error.message).toMatch(/single column.*delimiter is not ","/);
  });

  it('binary junk', async () => {
    const junk = Buffer.concat([Buffer.from('hole_id,from,to\n'), randomBytes(4096), Buffer.from([0, 0, 0])]);
    const error = await attempt([{ kind: 'assays', path: file('junk.csv', junk) }]);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toContain('junk.csv');
    expect(error.message).toMatch(/line \d+ holds binary data \(NUL bytes\)/i);
  });

  it('a zip that is not a workbook', async () => {
    const fake = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(2000)]);
    const error = await attempt([{ kind: 'assays', path: file('broken.xlsx', fake) }]);
    expect(error).toBeInstanceOf(FileReadError);
    expect(error.message).toMatch(/broken\.xlsx could not be read as an Excel workbook/);
  });

  it('duplicated headers', async () => {
    const path = file('twice.csv', 'hole_id,from,to,Zn_pct,Zn_pct\nNEW-1,0,1,0.5,0.6\n');
    const error = await attempt([{ kind: 'assays', path }]);
    expect(error.message).toContain('twice.csv');
    expect(error.message).toContain('names "Zn_pct" more than once');
  });

  it('a 10 MB line', async () => {
    const path = file('long-line.csv', `hole_id,from,to,Zn_pct\nNEW-1,0,1,${'9'.repeat(10 * 1024 * 1024)}\n`);
    const error = await attempt([{ kind: 'assays', path }]);
    expect(error.message).toContain('long-line.csv');
    expect(error.message).toMatch(/Line 2 is longer than 1,000,000 characters/);
  });

  it('mixed units: in the column names, against the import, and against a stored analyte', async () => {
    const mixed = file('mixed.csv', 'hole_id,from_m,to_ft,Zn_pct\nNEW-1,0,3.3,0.5\n');
    let error = await attempt([{ kind: 'assays', path: mixed }]);
    expect(error.message).toContain('mixed.csv');
    expect(error.message).toMatch(/"from_m" \(metres\), "to_ft" \(feet\)/);
    const feet = file('feet.csv', 'hole_id,from_ft,to_ft,Zn_pct\nNEW-1,0,3.3,0.5\n');
    error = await attempt([{ kind: 'assays', path: feet }]);
    expect(error.message).toMatch(/say feet, but the files are being read as metres \(the project's unit\)/);
    const clash = file('zn-percent.csv', 'hole_id,from,to,Zn_pct\nNEW-1,0,1,0.5\n');
    error = await attempt([
      { kind: 'collars', path: file('collars.csv', GOOD_COLLARS) },
      { kind: 'assays', path: clash },
    ]);
    expect(error.message).toContain('zn-percent.csv');
    expect(error.message).toMatch(/Zn_pct gives % where the project stores Zn in ppm/);
  });

  it('refused rows under all-or-nothing', async () => {
    const path = file('bad-depth.csv', 'hole_id,from,to,Zn_ppm\nNEW-1,0,1,5\nNEW-1,one,2,5\n');
    const error = await attempt([{ kind: 'assays', path }], { allOrNothing: true });
    expect(error.message).toMatch(/bad-depth\.csv, line 3, column from: From "one" is not a number/);
  });
});
